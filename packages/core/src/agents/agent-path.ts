import { expandHome } from '../opencode/config-path.js';
import type { AgentSettings } from '../store/settings-schema.js';
import type { AgentTarget } from './agent-target.js';

export interface ResolvedAgentPath {
  configPath: string;
  /** The target's environment variable is set, and so wins over a path chosen in Settings. */
  envActive: boolean;
}

/** The file Switchboard writes for a target: the environment's override, else the path chosen in Settings, else the agent's default. */
export function resolveAgentPath(target: AgentTarget, settings: AgentSettings, env: NodeJS.ProcessEnv, home: string): ResolvedAgentPath {
  const envActive = target.envOverride !== null && Boolean(env[target.envOverride]?.trim());
  const chosen = settings.configPath?.trim();
  if (!envActive && chosen) return { configPath: expandHome(chosen, home), envActive };
  return { configPath: target.defaultPath(env, home), envActive };
}
