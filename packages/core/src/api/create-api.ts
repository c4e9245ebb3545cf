import type { SwitchboardApi } from '@switchboard/shared';
import { createLiteLLMApi } from './litellm-api.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type ApiServices } from './services.js';

export type ApiServiceInput = Pick<ApiServices, 'settings' | 'secrets'> & Partial<ApiServices>;

/** Builds the API object both transports call, filling in real defaults for what the caller leaves out. */
export function createApi(input: ApiServiceInput): SwitchboardApi {
  const services: ApiServices = {
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    monotonic: () => performance.now(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    ...input,
  };
  return { ...createLiteLLMApi(services) };
}
