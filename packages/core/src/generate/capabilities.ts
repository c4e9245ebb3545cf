import type { ModelCapabilities } from '@switchboard/shared';

/** What one source (the proxy, the public map, OpenRouter's list) says a model takes; null where it says nothing. */
export interface CapabilityFacts {
  supportedParams: string[] | null;
  supportsResponseSchema: boolean | null;
  supportsReasoning: boolean | null;
}

export const NO_CAPABILITY_FACTS: CapabilityFacts = { supportedParams: null, supportsResponseSchema: null, supportsReasoning: null };

// The contract's bounds: a list longer, or a name longer, is not a parameter list.
const MAX_PARAMS = 200;
const MAX_PARAM_NAME = 100;

/** A list of parameter names as a server gave it: names only, each once, within the contract's bounds; null when it is not a list. */
export function paramList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const names = new Set<string>();
  for (const item of value) {
    if (typeof item === 'string' && item.length > 0 && item.length <= MAX_PARAM_NAME && /^[\w.-]+$/.test(item)) names.add(item);
  }
  return [...names].slice(0, MAX_PARAMS);
}

const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * Reads LiteLLM's field names, which its `/model_group/info`, `/model/info`
 * and public map share. `flagsCount` is false for a placeholder entry (one
 * that knows no limits), whose `false` flags are LiteLLM's "no figures",
 * not a statement about the model.
 */
export function litellmCapabilityFacts(fields: Record<string, unknown>, flagsCount = true): CapabilityFacts {
  return {
    supportedParams: paramList(fields.supported_openai_params),
    supportsResponseSchema: flagsCount || fields.supports_response_schema === true ? flag(fields.supports_response_schema) : null,
    supportsReasoning: flagsCount || fields.supports_reasoning === true ? flag(fields.supports_reasoning) : null,
  };
}

/**
 * What the model takes, from its sources in order of trust (the proxy
 * before the public map): for each field the first that says anything.
 * Never guessed from the model's name; what nobody says stays null.
 */
export function modelCapabilities(sources: readonly CapabilityFacts[]): ModelCapabilities {
  const first = <K extends keyof CapabilityFacts>(field: K): CapabilityFacts[K] => sources.find((source) => source[field] !== null)?.[field] ?? null;
  const supportedParams = first('supportedParams');
  return {
    supportedParams,
    supportsResponseSchema: first('supportsResponseSchema'),
    supportsReasoning: first('supportsReasoning'),
    maxTokensParam: supportedParams?.includes('max_completion_tokens') ? 'max_completion_tokens' : 'max_tokens',
  };
}
