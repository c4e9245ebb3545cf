import { z } from 'zod';
import { MAX_PRICE_PER_MILLION, MAX_TOKEN_LIMIT } from './model-bounds.js';

/** Where a piece of metadata came from; a field missing from `sources` is unknown. */
export const MetadataSourceSchema = z.enum(['proxy', 'public-map', 'user']);
export type MetadataSource = z.infer<typeof MetadataSourceSchema>;

export const METADATA_FIELDS = [
  'mode',
  'contextLength',
  'maxOutputTokens',
  'inputCostPerMillion',
  'outputCostPerMillion',
  'supportsVision',
  'supportsTools',
  'supportsReasoning',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** What Switchboard knows about one model a proxy offers. Unknown is `null`, never 0. */
export const ModelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  provider: z.string().nullable(),
  /** LiteLLM's mode: `chat`, `embedding`, `image_generation`, …; `null` when nobody says. */
  mode: z.string().nullable(),
  contextLength: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  maxOutputTokens: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  /** USD per million tokens. */
  inputCostPerMillion: z.number().nonnegative().max(MAX_PRICE_PER_MILLION).nullable(),
  outputCostPerMillion: z.number().nonnegative().max(MAX_PRICE_PER_MILLION).nullable(),
  supportsVision: z.boolean().nullable(),
  supportsTools: z.boolean().nullable(),
  supportsReasoning: z.boolean().nullable(),
  sources: z.partialRecord(z.enum(METADATA_FIELDS), MetadataSourceSchema),
});
export type Model = z.infer<typeof ModelSchema>;

/** Chat models are what an agent runtime can use; a model of unknown mode is assumed to be one. */
export function isChatModel(model: Pick<Model, 'mode'>): boolean {
  return model.mode === null || model.mode === 'chat' || model.mode === 'responses';
}

/** The minimum an OpenAI-compatible `/v1/models` entry carries. */
export interface RawModelEntry {
  id: string;
}

/** `openai/*` style routes are LiteLLM wildcards, not models anyone can call by that id. */
export function isWildcardId(id: string): boolean {
  return id.includes('*');
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
    mode: null,
    contextLength: null,
    maxOutputTokens: null,
    inputCostPerMillion: null,
    outputCostPerMillion: null,
    supportsVision: null,
    supportsTools: null,
    supportsReasoning: null,
    sources: {},
  };
}

/** Drops wildcard routes and repeated ids, keeping the proxy's order. */
export function toModelList(entries: readonly RawModelEntry[]): Model[] {
  const seen = new Set<string>();
  const models: Model[] = [];
  for (const entry of entries) {
    if (isWildcardId(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    models.push(toModel(entry));
  }
  return models;
}
