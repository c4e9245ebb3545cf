import { lookupModel } from './model-lookup.js';
import { mergedModelInfo } from './model-info.js';
import type { LiteLLMDeployment } from './types.js';

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

/**
 * /model_group/info: one entry per alias. Deployments of a group are folded like LiteLLM's router
 * does (largest limits and prices, flags OR-ed). Flags are read from the merged model_info, which is
 * why gpt-4o reports supports_parallel_function_calling false although the public map says true.
 */
export function modelGroupEntries(deployments: LiteLLMDeployment[]): Record<string, unknown>[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const deployment of deployments) {
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
    const info = mergedModelInfo(deployment);
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
  }
  return [...groups.values()];
}
