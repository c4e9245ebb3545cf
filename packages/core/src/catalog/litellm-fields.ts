import type { MetadataField, Model } from '@switchboard/shared';
import { flag, label, pricePerMillion, tokenLimit } from './plausible-values.js';

/** The metadata part of a model, as any one source knows it. */
export type ModelMetadata = Pick<Model, MetadataField>;

type Fields = Record<string, unknown>;

/**
 * LiteLLM uses the same field names in `/model_group/info`, `/model/info`
 * and its public price map, so one reader serves all three. Each value is
 * checked on its own: one absurd figure costs that field, not the model.
 */
export function metadataFromLiteLLMFields(fields: Fields): ModelMetadata {
  return {
    mode: label(fields.mode),
    contextLength: tokenLimit(fields.max_input_tokens) ?? tokenLimit(fields.max_tokens),
    maxOutputTokens: tokenLimit(fields.max_output_tokens),
    inputCostPerMillion: pricePerMillion(fields.input_cost_per_token),
    outputCostPerMillion: pricePerMillion(fields.output_cost_per_token),
    cacheReadCostPerMillion: pricePerMillion(fields.cache_read_input_token_cost),
    cacheWriteCostPerMillion: pricePerMillion(fields.cache_creation_input_token_cost),
    supportsVision: flag(fields.supports_vision),
    supportsTools: flag(fields.supports_function_calling),
    supportsReasoning: flag(fields.supports_reasoning),
    supportsPdf: flag(fields.supports_pdf_input),
    supportsWebSearch: flag(fields.supports_web_search),
    supportsPromptCaching: flag(fields.supports_prompt_caching),
  };
}

/**
 * A proxy answers for a model it knows nothing about with `mode: null`, no
 * token limits, prices of 0 and every `supports_*` false. Those zeros are
 * placeholders, not facts, so such an entry counts as unknown.
 */
export function proxyKnowsModel(fields: Fields): boolean {
  return fields.mode != null || tokenLimit(fields.max_input_tokens) !== null || tokenLimit(fields.max_output_tokens) !== null;
}
