import type { Model } from './model.js';

// The model mapper and the id rules it applies import no schema, so the renderer's first screen can use them
// without loading zod.

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
const SENTINEL_MODEL_IDS: ReadonlySet<string> = new Set([
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

/**
 * Which ids a model list keeps: no wildcard route, no sentinel, each id once.
 * Answers true the first time it is asked about a kept id; a fresh check per
 * list. The one place that rule is written: core's listings and the picker's
 * index both ask it.
 */
export function modelListFilter(): (id: string) => boolean {
  const seen = new Set<string>();
  return (id) => {
    if (isWildcardId(id) || isSentinelModelId(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}

/** The models of a `/v1/models` answer, in the proxy's order, as {@link modelListFilter} keeps them. */
export function toModelList(entries: readonly RawModelEntry[]): Model[] {
  const keeps = modelListFilter();
  const models: Model[] = [];
  for (const entry of entries) {
    if (keeps(entry.id)) models.push(toModel(entry));
  }
  return models;
}
