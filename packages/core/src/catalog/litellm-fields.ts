import type { MetadataField, Model } from '@switchboard/shared';

/** The metadata part of a model, as any one source knows it. */
export type ModelMetadata = Pick<Model, MetadataField>;

type Fields = Record<string, unknown>;

const positiveInt = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null;

const perMillion = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value * 1e6 * 1e6) / 1e6 : null;

const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * LiteLLM uses the same field names in `/model_group/info`, `/model/info`
 * and its public price map, so one reader serves all three.
 */
export function metadataFromLiteLLMFields(fields: Fields): ModelMetadata {
  return {
    mode: typeof fields.mode === 'string' ? fields.mode : null,
    contextLength: positiveInt(fields.max_input_tokens) ?? positiveInt(fields.max_tokens),
    maxOutputTokens: positiveInt(fields.max_output_tokens),
    inputCostPerMillion: perMillion(fields.input_cost_per_token),
    outputCostPerMillion: perMillion(fields.output_cost_per_token),
    supportsVision: flag(fields.supports_vision),
    supportsTools: flag(fields.supports_function_calling),
    supportsReasoning: flag(fields.supports_reasoning),
  };
}

/**
 * A proxy answers for a model it knows nothing about with `mode: null`, no
 * token limits, prices of 0 and every `supports_*` false. Those zeros are
 * placeholders, not facts, so such an entry counts as unknown.
 */
export function proxyKnowsModel(fields: Fields): boolean {
  return fields.mode != null || positiveInt(fields.max_input_tokens) !== null || positiveInt(fields.max_output_tokens) !== null;
}
