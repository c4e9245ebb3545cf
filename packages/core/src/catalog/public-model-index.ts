import { metadataFromLiteLLMFields, type ModelMetadata } from './litellm-fields.js';
import { flag, label } from './plausible-values.js';

export interface PublicModelFacts {
  provider: string | null;
  metadata: ModelMetadata;
  /** Whether the model takes a JSON schema for its answer: the playground's structured output, not a catalog column. */
  supportsResponseSchema: boolean | null;
}

/** LiteLLM's public `model_prices_and_context_window.json`, indexed by its keys. */
export type PublicModelIndex = Map<string, PublicModelFacts>;

export function buildPublicModelIndex(json: unknown): PublicModelIndex {
  const index: PublicModelIndex = new Map();
  if (!json || typeof json !== 'object') return index;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    // `sample_spec` documents the format; it is not a model.
    if (key === 'sample_spec' || !value || typeof value !== 'object') continue;
    const fields = value as Record<string, unknown>;
    index.set(key, {
      provider: label(fields.litellm_provider),
      metadata: metadataFromLiteLLMFields(fields),
      supportsResponseSchema: flag(fields.supports_response_schema),
    });
  }
  return index;
}

const withoutProvider = (id: string): string | null => (id.includes('/') ? id.slice(id.indexOf('/') + 1) : null);

/** Finds a model in the public map by its alias, its underlying model, and either without its `provider/` prefix. */
export function lookupPublicModel(index: PublicModelIndex, id: string, underlying: string | null): PublicModelFacts | null {
  const candidates = [id, underlying, withoutProvider(id), underlying ? withoutProvider(underlying) : null];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const found = index.get(candidate);
    if (found) return found;
  }
  return null;
}
