import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, MAX_MODEL_ID_LENGTH, MAX_PRICE_PER_MILLION, MAX_TOKEN_LIMIT } from './model-bounds.js';

/** Where a piece of metadata came from; a field missing from `sources` is unknown. */
const MetadataSourceSchema = z.enum(['proxy', 'public-map', 'user']);
export type MetadataSource = z.infer<typeof MetadataSourceSchema>;

export const METADATA_FIELDS = [
  'mode',
  'contextLength',
  'maxOutputTokens',
  'inputCostPerMillion',
  'outputCostPerMillion',
  'cacheReadCostPerMillion',
  'cacheWriteCostPerMillion',
  'supportsVision',
  'supportsTools',
  'supportsReasoning',
  'supportsPdf',
  'supportsWebSearch',
  'supportsPromptCaching',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

const Price = z.number().nonnegative().max(MAX_PRICE_PER_MILLION).nullable();

/** What Switchboard knows about one model a proxy offers. Unknown is `null`, never 0. */
export const ModelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  provider: z.string().nullable(),
  /** What the proxy's admin wrote about the model (LiteLLM's `model_info.description`). */
  description: z.string().max(MAX_DESCRIPTION_LENGTH).nullable(),
  /** The model behind an alias (LiteLLM's `litellm_params.model`, e.g. `anthropic/claude-3-5-sonnet-20241022`). */
  underlying: z.string().max(MAX_MODEL_ID_LENGTH).nullable(),
  /**
   * LiteLLM's mode: `chat`, `responses`, `embedding`, `image_generation`, …;
   * `null` when nobody says. A `responses` model speaks only the Responses API.
   */
  mode: z.string().nullable(),
  contextLength: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  maxOutputTokens: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  /** USD per million tokens. */
  inputCostPerMillion: Price,
  outputCostPerMillion: Price,
  /** Reading input from the prompt cache, and writing it there, per million tokens. */
  cacheReadCostPerMillion: Price,
  cacheWriteCostPerMillion: Price,
  supportsVision: z.boolean().nullable(),
  supportsTools: z.boolean().nullable(),
  supportsReasoning: z.boolean().nullable(),
  supportsPdf: z.boolean().nullable(),
  supportsWebSearch: z.boolean().nullable(),
  supportsPromptCaching: z.boolean().nullable(),
  sources: z.partialRecord(z.enum(METADATA_FIELDS), MetadataSourceSchema),
});
export type Model = z.infer<typeof ModelSchema>;
