import { createHash } from 'node:crypto';
import { lookupModel } from './model-lookup.js';
import { supportedOpenAIParams } from './supported-params.js';
import type { LiteLLMDeployment } from './types.js';
import type { VersionFacts } from './versions.js';

// The fields of LiteLLM's ModelInfoBase, in the order the recording shows them. Map fields outside
// this list (supports_parallel_function_calling, deprecation_date, ...) are dropped, as LiteLLM does.
const MODEL_INFO_FIELDS = [
  'key', 'max_tokens', 'max_input_tokens', 'max_output_tokens', 'input_cost_per_token',
  'input_cost_per_token_flex', 'input_cost_per_token_priority', 'cache_creation_input_token_cost',
  'cache_creation_input_token_cost_above_200k_tokens', 'cache_read_input_token_cost',
  'cache_read_input_token_cost_above_200k_tokens', 'cache_read_input_token_cost_flex',
  'cache_read_input_token_cost_priority', 'cache_creation_input_token_cost_above_1hr',
  'input_cost_per_character', 'input_cost_per_token_above_128k_tokens', 'input_cost_per_token_above_200k_tokens',
  'input_cost_per_query', 'input_cost_per_second', 'input_cost_per_audio_token', 'input_cost_per_image_token',
  'input_cost_per_image', 'input_cost_per_audio_per_second', 'input_cost_per_video_per_second',
  'input_cost_per_token_batches', 'output_cost_per_token_batches', 'output_cost_per_token',
  'output_cost_per_token_flex', 'output_cost_per_token_priority', 'output_cost_per_audio_token',
  'output_cost_per_character', 'output_cost_per_reasoning_token', 'output_cost_per_token_above_128k_tokens',
  'output_cost_per_character_above_128k_tokens', 'output_cost_per_token_above_200k_tokens',
  'output_cost_per_second', 'output_cost_per_video_per_second', 'output_cost_per_image',
  'output_cost_per_image_token', 'output_vector_size', 'citation_cost_per_token', 'tiered_pricing',
  'litellm_provider', 'mode', 'supports_system_messages', 'supports_response_schema', 'supports_vision',
  'supports_function_calling', 'supports_tool_choice', 'supports_assistant_prefill', 'supports_prompt_caching',
  'supports_audio_input', 'supports_audio_output', 'supports_pdf_input', 'supports_embedding_image_input',
  'supports_native_streaming', 'supports_web_search', 'supports_url_context', 'supports_reasoning',
  'supports_computer_use', 'search_context_cost_per_query', 'tpm', 'rpm', 'ocr_cost_per_page',
  'annotation_cost_per_page', 'supported_openai_params',
] as const;

/** Router._generate_model_id: sha256 of the group name followed by every litellm_params key and value. */
export function deploymentId(deployment: LiteLLMDeployment): string {
  let text = deployment.model_name;
  for (const [key, value] of Object.entries(deployment.litellm_params)) {
    if (value === undefined) continue;
    text += key + (typeof value === 'string' ? value : JSON.stringify(value));
  }
  return createHash('sha256').update(text).digest('hex');
}

/** model_info as /model/info shows it: deployment fields win, the public map fills the rest. */
export function mergedModelInfo(deployment: LiteLLMDeployment, facts: VersionFacts): Record<string, unknown> {
  const { key, provider, entry } = lookupModel(deployment.litellm_params.model);
  const info: Record<string, unknown> = { id: deploymentId(deployment), db_model: false, ...deployment.model_info };
  for (const field of MODEL_INFO_FIELDS) {
    if (field in info || facts.missingModelInfoFields.has(field)) continue;
    switch (field) {
      case 'key':
        info[field] = key;
        break;
      case 'litellm_provider':
        info[field] = entry?.litellm_provider ?? provider;
        break;
      // Unknown models still get a price of 0 (not null), see fake-up in the recording.
      case 'input_cost_per_token':
      case 'output_cost_per_token':
        info[field] = entry?.[field] ?? 0;
        break;
      case 'supported_openai_params':
        info[field] = supportedOpenAIParams(provider, entry, facts.missingOpenAIParams);
        break;
      default:
        info[field] = entry?.[field] ?? null;
    }
  }
  return info;
}

/** One element of /model/info's data; api_key is withheld, api_base is shown. */
export function modelInfoEntry(deployment: LiteLLMDeployment, facts: VersionFacts): Record<string, unknown> {
  const { api_base: apiBase, model } = deployment.litellm_params;
  return {
    model_name: deployment.model_name,
    litellm_params: {
      ...(apiBase !== undefined ? { api_base: apiBase } : {}),
      use_in_pass_through: false,
      use_litellm_proxy: false,
      merge_reasoning_content_in_choices: false,
      model,
    },
    model_info: mergedModelInfo(deployment, facts),
  };
}
