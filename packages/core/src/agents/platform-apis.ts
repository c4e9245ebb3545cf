import { parseInstanceId, type AgentApi, type InstanceId } from '@switchboard/shared';
import type { PlatformSettings } from '../store/settings-schema.js';
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
 * the person confirmed it has (agents:confirm-api) or the last Test
 * Connection found answering at its saved URL.
 */
function apisOf(instanceId: InstanceId, confirmed: readonly AgentApi[]): readonly AgentApi[] {
  const platform = parseInstanceId(instanceId)?.platform;
  if (platform === 'litellm') return ['chat-completions', 'responses', 'anthropic-messages'];
  if (platform === 'custom') return ['chat-completions', ...confirmed];
  return ['chat-completions'];
}

/**
 * A custom endpoint's APIs besides chat completions: those the person
 * confirmed, and those Test Connection found at the URL saved now (found at
 * another URL, they say nothing about this one).
 */
export function foundApis(saved: PlatformSettings | undefined): AgentApi[] {
  const detected = saved?.detectedApis !== undefined && saved.detectedApis.url === saved.url ? saved.detectedApis.apis : [];
  return [...new Set([...(saved?.confirmedApis ?? []), ...detected])];
}

/** Null when the platform has what the agent calls; otherwise the sentence that says why Switchboard will not write it. */
export function missingApi(target: AgentTarget, instanceId: InstanceId, platformName: string, confirmed: readonly AgentApi[] = []): string | null {
  if (apisOf(instanceId, confirmed).includes(target.needs)) return null;
  const needs = `${target.displayName} calls ${API_NAMES[target.needs]}`;
  if (parseInstanceId(instanceId)?.platform === 'custom') {
    return (
      `${needs}, which ${platformName} is not known to offer (Test Connection did not find it, and it was not confirmed), so Switchboard will not write a config that may fail. ` +
      `If ${platformName} has it, confirm that in Settings › Agents (or run Test Connection again), then write again.`
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
