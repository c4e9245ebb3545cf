import { loadPublicModelMap } from '../fixtures.js';
import type { PublicModelEntry } from '../fixtures.js';

export interface ModelLookup {
  /** The public-map key that matched, or the full model string when nothing did (as LiteLLM reports it). */
  key: string;
  /** The provider LiteLLM routes to: the prefix of litellm_params.model. */
  provider: string;
  entry: PublicModelEntry | undefined;
}

// vertex_ai deployments match entries such as "vertex_ai-language-models"; bedrock has a converse twin.
function providerMatches(entryProvider: unknown, provider: string): boolean {
  if (typeof entryProvider !== 'string') return false;
  return entryProvider === provider || entryProvider.startsWith(`${provider}-`) || entryProvider === `${provider}_converse`;
}

/** Finds the public-map entry for a litellm_params.model the way litellm.get_model_info does. */
export function lookupModel(model: string): ModelLookup {
  const map = loadPublicModelMap();
  const slash = model.indexOf('/');
  if (slash > 0) {
    const provider = model.slice(0, slash);
    // "openai/gpt-4o" is stored as "gpt-4o", but "gemini/gemini-1.5-flash" keeps its prefix.
    for (const candidate of [model.slice(slash + 1), model]) {
      const entry = map[candidate];
      if (entry && providerMatches(entry.litellm_provider, provider)) return { key: candidate, provider, entry };
    }
    return { key: model, provider, entry: undefined };
  }
  const entry = map[model];
  return { key: model, provider: entry?.litellm_provider ?? 'openai', entry };
}

let keysByProvider: Map<string, string[]> | undefined;

// litellm.models_by_provider["openai"] is its chat list plus its text-completion list, which is how
// babbage-002 or gpt-3.5-turbo-instruct turn up in an openai/* expansion.
const PROVIDER_FAMILIES: Record<string, string[]> = { openai: ['openai', 'text-completion-openai'] };

/** All public-map keys of one provider, in map order per list (LiteLLM's litellm.models_by_provider). */
export function publicModelsOfProvider(provider: string): string[] {
  const family = PROVIDER_FAMILIES[provider];
  if (!family) return publicModelsOwnedBy(provider);
  return family.flatMap(publicModelsOwnedBy);
}

function publicModelsOwnedBy(provider: string): string[] {
  if (!keysByProvider) {
    keysByProvider = new Map();
    for (const [key, entry] of Object.entries(loadPublicModelMap())) {
      const owner = entry.litellm_provider;
      if (typeof owner !== 'string') continue;
      const list = keysByProvider.get(owner) ?? [];
      list.push(key);
      keysByProvider.set(owner, list);
    }
  }
  return keysByProvider.get(provider) ?? [];
}
