import { parseInstanceId, type AgentApi, type InstanceId } from '@switchboard/shared';
import type { AgentTarget } from './agent-target.js';

const API_NAMES: Readonly<Record<AgentApi, string>> = {
  'chat-completions': 'chat completions (/v1/chat/completions)',
  responses: 'the Responses API (/v1/responses)',
  'anthropic-messages': 'Anthropic Messages (/v1/messages)',
};

/**
 * The APIs a platform is known to answer. LiteLLM 1.81 serves all three (it
 * bridges Messages and Responses to any deployment); OpenRouter serves chat
 * completions only; a custom endpoint is only known to have chat completions.
 */
function apisOf(instanceId: InstanceId): readonly AgentApi[] {
  const platform = parseInstanceId(instanceId)?.platform;
  if (platform === 'litellm') return ['chat-completions', 'responses', 'anthropic-messages'];
  return ['chat-completions'];
}

/** Null when the platform has what the agent calls; otherwise the sentence that says why Switchboard will not write it. */
export function missingApi(target: AgentTarget, instanceId: InstanceId, platformName: string): string | null {
  if (apisOf(instanceId).includes(target.needs)) return null;
  const custom = parseInstanceId(instanceId)?.platform === 'custom';
  return (
    `${target.displayName} calls ${API_NAMES[target.needs]}, which ${platformName} ${custom ? 'is not known to offer (Switchboard only knows a custom endpoint has chat completions)' : 'does not offer'}, ` +
    `so Switchboard will not write a config that fails. Use ${target.displayName} with a LiteLLM proxy, or pick an agent that uses chat completions.`
  );
}
