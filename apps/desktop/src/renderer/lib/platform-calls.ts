import {
  PLATFORM_VERBS,
  VERB_ANSWERS,
  verbMethod,
  type BuiltInPlatformId,
  type Channel,
  type CustomEndpointView,
  type KeyInput,
  type ModelLimits,
  type PlatformConfigView,
  type PlatformVerb,
  type VerbCallInput,
  type VerbMethod,
  type VerbOutput,
} from '@switchboard/shared';
import { flattenResult, invokeResult, invokeSafe, type Outcome } from './bridge';
import type { UiError } from './errors';

/** A saved connection as the panel sees it; a custom endpoint adds its id, name and the limits typed for its models. */
export type InstanceView = PlatformConfigView & Partial<Pick<CustomEndpointView, 'id' | 'name' | 'modelLimits'>>;

interface SaveInput {
  /** Omitted for a platform with a fixed address. */
  url: string | undefined;
  key: KeyInput;
  selectedModel: string;
  /** What the user calls it; only custom endpoints are named. */
  name: string;
}

/** A verb's answer as a call settles to it: a `Result`'s value, or the answer itself. */
type Answer<V extends PlatformVerb> = VerbOutput<V> extends { ok: boolean } ? Extract<VerbOutput<V>, { ok: true }>['value'] : VerbOutput<V>;
type VerbCall<V extends PlatformVerb> = (...input: VerbCallInput<V> extends undefined ? [] : [VerbCallInput<V>]) => Promise<Outcome<Answer<V>>>;
/** One call per verb of the contract, named like core's platform service: `fetchModels`, `getConfig`, … */
type VerbCalls = { [V in PlatformVerb as VerbMethod<V>]: VerbCall<V> };

/**
 * What a platform panel can ask main: the contract's verbs, plus what the
 * panel needs on top. Which channel answers, and with what extra input, is
 * the platform's business (see `platforms.ts`); the panel, its hooks and the
 * catalog only see this.
 */
export type PlatformCalls = Omit<VerbCalls, 'setConfig' | 'getConfig' | 'fetchMetadata' | 'fetchMetadataOf'> & {
  /**
   * The metadata of some of the listed models: the rows on screen, then the rest page by page (the whole
   * answer at once is one long task to check at 10,000 models). null where there is nothing to ask: an
   * endpoint not saved yet has its ids and nothing more.
   */
  fetchMetadataOf: VerbCalls['fetchMetadataOf'] | null;
  /** A custom endpoint's view also carries its name and the limits typed for its models. */
  getConfig(): Promise<Outcome<InstanceView>>;
  /** set-config, or for a custom endpoint save-endpoint (with its name). */
  save(input: SaveInput): Promise<Outcome<InstanceView>>;
  /** null for platforms whose models always say their limits, and for an endpoint not saved yet. */
  setModelLimits: ((modelId: string, limits: ModelLimits) => Promise<Outcome<InstanceView>>) | null;
};

/** The input without fields left undefined, as the channels were always called. */
const defined = (input: object): object => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/**
 * Calls a verb's channel. The answer is checked against the contract on the
 * way in; a verb the contract declares to answer a `Result` (shared's
 * `VERB_ANSWERS`) is flattened into the outcome.
 */
async function callVerb(channel: Channel, verb: PlatformVerb, input: object | undefined): Promise<Outcome<unknown>> {
  const invoke = invokeSafe as (channel: Channel, ...input: unknown[]) => Promise<Outcome<unknown>>;
  const settled = await invoke(channel, ...(input === undefined ? [] : [defined(input)]));
  if (VERB_ANSWERS[verb] === 'value') return settled;
  return flattenResult(settled as Outcome<{ ok: true; value: unknown } | { ok: false; error: UiError }>);
}

/**
 * Every verb on its channel `<prefix>:<verb>`. A custom endpoint's channels
 * take what a built-in platform's take, plus `target` (its id).
 */
function verbCalls(prefix: BuiltInPlatformId | 'custom', target?: object): VerbCalls {
  const withTarget = (input: object | undefined) => (target === undefined ? input : { ...target, ...input });
  const calls = PLATFORM_VERBS.map((verb) => [verbMethod(verb), (input?: object) => callVerb(`${prefix}:${verb}`, verb, withTarget(input))]);
  return Object.fromEntries(calls) as VerbCalls;
}

/** LiteLLM and OpenRouter answer the same verbs under their own prefix. */
export function builtInCalls(prefix: BuiltInPlatformId): PlatformCalls {
  const calls = verbCalls(prefix);
  return {
    ...calls,
    save: ({ url, key, selectedModel }) => calls.setConfig({ url, key, selectedModel }),
    setModelLimits: null,
  };
}
const notSaved = { ok: false, error: { kind: 'not-configured', message: 'Save this endpoint first.' } } as const;

/** A custom endpoint's calls carry its id; one not saved yet can only be tested and saved. */
export function customCalls(endpointId: string | null, defaultUrl: string): PlatformCalls {
  const blank: InstanceView = { url: defaultUrl, connected: false, keyStored: false, keyHint: null, selectedModel: null, savedAt: null, name: '', modelLimits: {} };
  if (endpointId === null) {
    return {
      testConnection: ({ url, key }) => invokeResult('custom:test-connection', { url: url ?? '', key }),
      fetchModels: async () => notSaved,
      fetchMetadataOf: null,
      getCachedModels: async () => ({ ok: true, value: null }),
      getConfig: async () => ({ ok: true, value: blank }),
      save: ({ url, key, selectedModel, name }) => invokeResult('custom:save-endpoint', { name, url: url ?? '', key, selectedModel }),
      disconnect: async () => ({ ok: true, value: blank }),
      setModelLimits: null,
    };
  }
  const target = { endpointId };
  const calls = verbCalls('custom', target);
  return {
    ...calls,
    // An endpoint always has an address of its own to test.
    testConnection: ({ url, key }) => calls.testConnection({ url: url ?? '', key }),
    // The list carries the name and typed limits that get-config leaves out; an endpoint removed elsewhere reads as new.
    getConfig: async () => {
      const listed = await invokeSafe('custom:list-endpoints');
      return listed.ok ? { ok: true, value: listed.value.find((endpoint) => endpoint.id === endpointId) ?? blank } : listed;
    },
    save: ({ url, key, selectedModel, name }) => invokeResult('custom:save-endpoint', { ...target, name, url: url ?? '', key, selectedModel }),
    setModelLimits: (modelId, limits) => invokeResult('custom:set-model-limits', { ...target, modelId, limits }),
  };
}
