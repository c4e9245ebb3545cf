import type { VerbOutput } from './contract.js';

/**
 * The verbs every platform answers, declared once. The contract gives each
 * its schemas (`platformVerbs` in contract.ts must cover exactly these);
 * core's channel map and platform service and the renderer's platform calls
 * are derived from this list, so a new verb is one name here and its schemas
 * there, and the compiler points at every implementation it still needs.
 * Kept apart from the schemas so the renderer can walk it without loading them.
 */
export const PLATFORM_VERBS = [
  'test-connection',
  'fetch-models',
  'fetch-metadata',
  'fetch-metadata-of',
  'get-cached-models',
  'get-config',
  'set-config',
  'disconnect',
] as const;

/**
 * The most models one `fetch-metadata-of` may name: a page of the rest, whose answer (about 400 kB) the
 * page checks in a few ms, where the whole list at 10,000 models would hold it for over 100 ms.
 */
export const MAX_METADATA_IDS = 500;

/** A verb as its channels name it: `fetch-models` in `litellm:fetch-models`. */
export type PlatformVerb = (typeof PLATFORM_VERBS)[number];

type AnswerKind<V extends PlatformVerb> = VerbOutput<V> extends { ok: boolean } ? 'result' : 'value';

/**
 * How each verb answers: `result` is a value or a proxy error (`{ ok, value }` /
 * `{ ok, error }`), `value` the answer itself. Said here so a caller knows
 * which answers to unwrap without looking inside them; the type, derived from
 * the contract's schemas, fails to compile when a line disagrees with them.
 */
export const VERB_ANSWERS: { readonly [V in PlatformVerb]: AnswerKind<V> } = {
  'test-connection': 'result',
  'fetch-models': 'result',
  'fetch-metadata': 'result',
  'fetch-metadata-of': 'result',
  'get-cached-models': 'value',
  'get-config': 'value',
  'set-config': 'result',
  disconnect: 'result',
};

/** The method a verb is called by in code: `fetch-models` -> `fetchModels`. */
export type VerbMethod<V extends string> = V extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<VerbMethod<Tail>>}` : V;

export function verbMethod<V extends PlatformVerb>(verb: V): VerbMethod<V> {
  return verb.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as VerbMethod<V>;
}
