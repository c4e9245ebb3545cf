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
 * Whether an entry knows the model's token limits. LiteLLM fills an entry for
 * a model it has no figures for with prices of 0, `supports_*` false and null
 * limits, sometimes with a mode (wildcard expansions in `/model_group/info`),
 * so a mode proves nothing; limits are never filled in that way.
 */
export function knowsLimits(fields: Fields): boolean {
  return tokenLimit(fields.max_input_tokens) !== null || tokenLimit(fields.max_output_tokens) !== null || tokenLimit(fields.max_tokens) !== null;
}
