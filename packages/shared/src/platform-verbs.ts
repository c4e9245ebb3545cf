/**
 * The verbs every platform answers, declared once. The contract gives each
 * its schemas (`platformVerbs` in contract.ts must cover exactly these);
 * core's channel map and platform service and the renderer's platform calls
 * are derived from this list, so a new verb is one name here and its schemas
 * there, and the compiler points at every implementation it still needs.
 * Kept apart from the schemas so the renderer can walk it without loading them.
 */
export const PLATFORM_VERBS = ['test-connection', 'fetch-models', 'fetch-metadata', 'get-cached-models', 'get-config', 'set-config', 'disconnect'] as const;

/** A verb as its channels name it: `fetch-models` in `litellm:fetch-models`. */
export type PlatformVerb = (typeof PLATFORM_VERBS)[number];

/** The method a verb is called by in code: `fetch-models` -> `fetchModels`. */
export type VerbMethod<V extends string> = V extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<VerbMethod<Tail>>}` : V;

export function verbMethod<V extends PlatformVerb>(verb: V): VerbMethod<V> {
  return verb.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as VerbMethod<V>;
}
