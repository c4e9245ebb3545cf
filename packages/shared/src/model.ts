import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, MAX_MODEL_ID_LENGTH, MAX_PRICE_PER_MILLION, MAX_TOKEN_LIMIT } from './model-bounds.js';

/** Where a piece of metadata came from; a field missing from `sources` is unknown. */
export const MetadataSourceSchema = z.enum(['proxy', 'public-map', 'user']);
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

/**
 * Chat models answer `/v1/chat/completions`, which is what an agent runtime
 * calls; a model of unknown mode is assumed to be one. A `responses` model
 * is not: it speaks only the Responses API.
 */
export function isChatModel(model: Pick<Model, 'mode'>): boolean {
  return model.mode === null || model.mode === 'chat';
}

/** A model only the OpenAI Responses API (`/v1/responses`) can call. */
export function isResponsesOnlyModel(model: Pick<Model, 'mode'>): boolean {
  return model.mode === 'responses';
}

/** The minimum an OpenAI-compatible `/v1/models` entry carries. */
export interface RawModelEntry {
  id: string;
}

/** `openai/*` style routes are LiteLLM wildcards, not models anyone can call by that id. */
export function isWildcardId(id: string): boolean {
  return id.includes('*');
}

/**
 * Ids a LiteLLM proxy lists for a key that belongs to a team or has access
 * groups, standing for "whatever this key may use" (LiteLLM issues #30619,
 * #31438, #31966). Nobody can call a model by these names.
 */
export const SENTINEL_MODEL_IDS: ReadonlySet<string> = new Set([
  'all-team-models',
  'all-proxy-models',
  'all-org-models',
  'no-default-models',
]);

export function isSentinelModelId(id: string): boolean {
  return SENTINEL_MODEL_IDS.has(id);
}

/** The provider is the id's `provider/` prefix; LiteLLM's `owned_by` is always "openai" and says nothing. */
export function providerFromId(id: string): string | null {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : null;
}

/** The single mapper from a `/v1/models` entry to a {@link Model}. */
export function toModel(entry: RawModelEntry): Model {
  const provider = providerFromId(entry.id);
  return {
    id: entry.id,
    name: provider ? entry.id.slice(provider.length + 1) : entry.id,
    provider,
    description: null,
    underlying: null,
    mode: null,
    contextLength: null,
    maxOutputTokens: null,
    inputCostPerMillion: null,
    outputCostPerMillion: null,
    cacheReadCostPerMillion: null,
    cacheWriteCostPerMillion: null,
    supportsVision: null,
    supportsTools: null,
    supportsReasoning: null,
    supportsPdf: null,
    supportsWebSearch: null,
    supportsPromptCaching: null,
    sources: {},
  };
}

/** Drops wildcard routes, sentinel ids and repeated ids, keeping the proxy's order. */
export function toModelList(entries: readonly RawModelEntry[]): Model[] {
  const seen = new Set<string>();
  const models: Model[] = [];
  for (const entry of entries) {
    if (isWildcardId(entry.id) || isSentinelModelId(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    models.push(toModel(entry));
  }
  return models;
}
