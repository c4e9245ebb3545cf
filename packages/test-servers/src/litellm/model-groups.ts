import { lookupModel } from './model-lookup.js';
import { mergedModelInfo } from './model-info.js';
import { isWildcard, wildcardExpansions } from './model-list.js';
import type { LiteLLMDeployment } from './types.js';
import type { VersionFacts } from './versions.js';

const GROUP_FLAGS = [
  'supports_parallel_function_calling',
  'supports_vision',
  'supports_web_search',
  'supports_url_context',
  'supports_reasoning',
  'supports_function_calling',
] as const;

function larger(current: unknown, candidate: unknown): unknown {
  if (typeof candidate !== 'number') return current;
  return typeof current === 'number' && current >= candidate ? current : candidate;
}

export interface ModelGroups {
  groups: Record<string, unknown>[];
  /** Each group serialised as the release does (see groupJson), in the same order. */
  json: string[];
}

/**
 * /model_group/info: one entry per alias, then one per wildcard expansion. Deployments of a group are
 * folded like LiteLLM's router does (largest limits and prices, flags OR-ed). Flags are read from the
 * merged model_info, which is why gpt-4o reports supports_parallel_function_calling false although the
 * public map says true.
 */
export function modelGroupEntries(deployments: LiteLLMDeployment[], facts: VersionFacts): ModelGroups {
  const groups = new Map<string, Record<string, unknown>>();
  for (const deployment of deployments) foldInto(groups, deployment, facts);
  const placeholders = new Set<Record<string, unknown>>();
  for (const wildcard of deployments) {
    if (!isWildcard(wildcard.model_name)) continue;
    for (const expansion of wildcardExpansions(wildcard)) {
      if (groups.has(expansion.id)) continue;
      const known = lookupModel(expansion.model).entry !== undefined;
      // The router asks the map for the expanded model; where the map does not file it under this
      // provider it makes up an entry: mode "chat", prices 0.0, no limits, no capabilities.
      const modelInfo = known ? wildcard.model_info : { mode: 'chat', ...wildcard.model_info };
      const expanded: LiteLLMDeployment = {
        model_name: expansion.id,
        litellm_params: { ...wildcard.litellm_params, model: expansion.model },
        ...(modelInfo ? { model_info: modelInfo } : {}),
      };
      const group = foldInto(groups, expanded, facts);
      if (!known) placeholders.add(group);
    }
  }
  const list = [...groups.values()];
  return { groups: list, json: list.map((group) => groupJson(group, facts, placeholders.has(group))) };
}

const LIMITS = ['max_input_tokens', 'max_output_tokens'];
const PRICES = ['input_cost_per_token', 'output_cost_per_token'];

/**
 * Python prints a float 128000.0 where JavaScript prints 128000: 1.81.12 stores limits and prices as
 * floats, 1.81.0 limits as integers and only a placeholder's prices as 0.0.
 */
function groupJson(group: Record<string, unknown>, facts: VersionFacts, placeholder: boolean): string {
  const floats = facts.floatTokenLimits ? [...LIMITS, ...PRICES] : placeholder ? PRICES : [];
  let json = JSON.stringify(group);
  for (const field of floats) {
    json = json.replace(new RegExp(`"${field}":(-?\\d+)(?=[,}])`), `"${field}":$1.0`);
  }
  return json;
}

function foldInto(
  groups: Map<string, Record<string, unknown>>,
  deployment: LiteLLMDeployment,
  facts: VersionFacts,
): Record<string, unknown> {
  let group = groups.get(deployment.model_name);
  if (!group) {
    group = {
      model_group: deployment.model_name,
      providers: [],
      max_input_tokens: null,
      max_output_tokens: null,
      input_cost_per_token: null,
      output_cost_per_token: null,
      input_cost_per_pixel: null,
      mode: null,
      tpm: null,
      rpm: null,
      supports_parallel_function_calling: false,
      supports_vision: false,
      supports_web_search: false,
      supports_url_context: false,
      supports_reasoning: false,
      supports_function_calling: false,
      supported_openai_params: null,
      configurable_clientside_auth_params: null,
      is_public_model_group: false,
      health_status: null,
      health_response_time: null,
      health_checked_at: null,
    };
    groups.set(deployment.model_name, group);
  }
  const info = mergedModelInfo(deployment, facts);
  const providers = group['providers'] as string[];
  const provider = lookupModel(deployment.litellm_params.model).provider;
  if (!providers.includes(provider)) providers.push(provider);
  for (const field of ['max_input_tokens', 'max_output_tokens', 'input_cost_per_token', 'output_cost_per_token', 'input_cost_per_pixel', 'tpm', 'rpm']) {
    group[field] = larger(group[field], info[field]);
  }
  if (group['mode'] === null && typeof info['mode'] === 'string') group['mode'] = info['mode'];
  for (const flag of GROUP_FLAGS) {
    if (info[flag] === true) group[flag] = true;
  }
  if (Array.isArray(info['supported_openai_params'])) {
    const params = (group['supported_openai_params'] as string[] | null) ?? [];
    for (const param of info['supported_openai_params'] as string[]) if (!params.includes(param)) params.push(param);
    group['supported_openai_params'] = params;
  }
  return group;
}
