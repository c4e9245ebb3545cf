import type { AgentId } from '@switchboard/shared';
import type { AgentTarget } from './agent-target.js';
import { claudeCodeTarget } from './targets/claude-code.js';
import { codexTarget } from './targets/codex.js';
import { continueTarget } from './targets/continue.js';
import { kiloTarget } from './targets/kilo.js';
import { opencodeTarget } from './targets/opencode.js';
import { qwenCodeTarget } from './targets/qwen-code.js';

/**
 * Every agent whose config Switchboard writes, in the order the Agents tab
 * lists them. A new target is one line here; an id of AGENT_IDS not listed
 * yet is simply not offered (agents:list leaves it out, the other channels
 * refuse it with a sentence).
 */
export const AGENT_TARGETS: readonly AgentTarget[] = [
  opencodeTarget,
  kiloTarget,
  claudeCodeTarget,
  codexTarget,
  continueTarget,
  qwenCodeTarget,
];

export function findAgentTarget(id: AgentId): AgentTarget | null {
  return AGENT_TARGETS.find((target) => target.id === id) ?? null;
}
