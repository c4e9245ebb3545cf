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
 * completions only; a custom endpoint has chat completions and whatever else
 * the person confirmed it has (agents:confirm-api).
 */
function apisOf(instanceId: InstanceId, confirmed: readonly AgentApi[]): readonly AgentApi[] {
  const platform = parseInstanceId(instanceId)?.platform;
  if (platform === 'litellm') return ['chat-completions', 'responses', 'anthropic-messages'];
  if (platform === 'custom') return ['chat-completions', ...confirmed];
  return ['chat-completions'];
}

/** Null when the platform has what the agent calls; otherwise the sentence that says why Switchboard will not write it. */
export function missingApi(target: AgentTarget, instanceId: InstanceId, platformName: string, confirmed: readonly AgentApi[] = []): string | null {
  if (apisOf(instanceId, confirmed).includes(target.needs)) return null;
  const needs = `${target.displayName} calls ${API_NAMES[target.needs]}`;
  if (parseInstanceId(instanceId)?.platform === 'custom') {
    return (
      `${needs}, which ${platformName} is not known to offer (a custom endpoint is only known to have chat completions), so Switchboard will not write a config that may fail. ` +
      `If ${platformName} has it, confirm that in Settings › Agents, then write again.`
    );
  }
  return `${needs}, which ${platformName} does not offer, so Switchboard will not write a config that fails. Use ${target.displayName} with a LiteLLM proxy, or pick an agent that uses chat completions.`;
}

/** The sentence refusing a confirmation where the platform's APIs are known, or null for a custom endpoint. */
export function knownApis(instanceId: InstanceId, platformName: string): string | null {
  const platform = parseInstanceId(instanceId)?.platform;
  if (platform === 'custom') return null;
  const known = platform === 'litellm' ? 'has chat completions, the Responses API and Anthropic Messages' : 'has chat completions only';
  return `${platformName} ${known}; Switchboard knows that, so there is nothing to confirm. Confirming is for a custom endpoint.`;
}
