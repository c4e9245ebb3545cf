import type { CachedModelList, ConnectionTest, CustomEndpointView, KeyInput, ModelIdList, ModelLimits, ModelList, PlatformConfigView } from '@switchboard/shared';
import { invokeResult, invokeSafe, type Outcome } from './bridge';

/** A saved connection as the panel sees it; a custom endpoint adds its id, name and the limits typed for its models. */
export type InstanceView = PlatformConfigView & Partial<Pick<CustomEndpointView, 'id' | 'name' | 'modelLimits'>>;

export interface SaveInput {
  /** Omitted for a platform with a fixed address. */
  url: string | undefined;
  key: KeyInput;
  selectedModel: string;
  /** What the user calls it; only custom endpoints are named. */
  name: string;
}

/**
 * What a platform panel can ask main, one function per verb. Which channel
 * answers, and with what extra input, is the platform's business (see
 * `platforms.ts`); the panel, its hooks and the catalog only see this.
 */
export interface PlatformCalls {
  testConnection(input: { url: string | undefined; key: KeyInput }): Promise<Outcome<ConnectionTest>>;
  fetchModels(): Promise<Outcome<ModelIdList>>;
  /** null where there is nothing to ask: an endpoint not saved yet has its ids and nothing more. */
  fetchMetadata: (() => Promise<Outcome<ModelList>>) | null;
  getCachedModels(): Promise<Outcome<CachedModelList | null>>;
  getConfig(): Promise<Outcome<InstanceView>>;
  save(input: SaveInput): Promise<Outcome<InstanceView>>;
  disconnect(): Promise<Outcome<InstanceView>>;
  /** null for platforms whose models always say their limits, and for an endpoint not saved yet. */
  setModelLimits: ((modelId: string, limits: ModelLimits) => Promise<Outcome<InstanceView>>) | null;
}

/** LiteLLM and OpenRouter answer the same verbs under their own prefix. */
export function builtInCalls(prefix: 'litellm' | 'openrouter'): PlatformCalls {
  return {
    testConnection: ({ url, key }) => invokeResult(`${prefix}:test-connection`, url === undefined ? { key } : { url, key }),
    fetchModels: () => invokeResult(`${prefix}:fetch-models`),
    fetchMetadata: () => invokeResult(`${prefix}:fetch-metadata`),
    getCachedModels: () => invokeSafe(`${prefix}:get-cached-models`),
    getConfig: () => invokeSafe(`${prefix}:get-config`),
    save: ({ url, key, selectedModel }) =>
      invokeResult(`${prefix}:set-config`, url === undefined ? { key, selectedModel } : { url, key, selectedModel }),
    disconnect: () => invokeResult(`${prefix}:disconnect`),
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
      fetchMetadata: null,
      getCachedModels: async () => ({ ok: true, value: null }),
      getConfig: async () => ({ ok: true, value: blank }),
      save: ({ url, key, selectedModel, name }) => invokeResult('custom:save-endpoint', { name, url: url ?? '', key, selectedModel }),
      disconnect: async () => ({ ok: true, value: blank }),
      setModelLimits: null,
    };
  }
  const target = { endpointId };
  return {
    testConnection: ({ url, key }) => invokeResult('custom:test-connection', { ...target, url: url ?? '', key }),
    fetchModels: () => invokeResult('custom:fetch-models', target),
    fetchMetadata: () => invokeResult('custom:fetch-metadata', target),
    getCachedModels: () => invokeSafe('custom:get-cached-models', target),
    // The list carries the name and typed limits that get-config leaves out; an endpoint removed elsewhere reads as new.
    getConfig: async () => {
      const listed = await invokeSafe('custom:list-endpoints');
      return listed.ok ? { ok: true, value: listed.value.find((endpoint) => endpoint.id === endpointId) ?? blank } : listed;
    },
    save: ({ url, key, selectedModel, name }) => invokeResult('custom:save-endpoint', { ...target, name, url: url ?? '', key, selectedModel }),
    disconnect: () => invokeResult('custom:disconnect', target),
    setModelLimits: (modelId, limits) => invokeResult('custom:set-model-limits', { ...target, modelId, limits }),
  };
}
