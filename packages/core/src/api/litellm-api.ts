import {
  DEFAULT_LITELLM_URL,
  fail,
  normalizeBaseUrl,
  type KeyInput,
  type LiteLLMConfigView,
  type SwitchboardApi,
} from '@switchboard/shared';
import { HttpFailure } from '../http/index.js';
import { listLiteLLMModels } from '../litellm/litellm-client.js';
import { guard } from './guard.js';
import type { ApiServices } from './services.js';

const ACCOUNT = 'litellm';

/** Shows the last four characters of a long key, so a person can tell which key is stored. */
export function keyHint(key: string): string | null {
  return key.length >= 12 ? `••••${key.slice(-4)}` : null;
}

function requireUrl(input: string): string {
  const normalized = normalizeBaseUrl(input);
  if (!normalized.ok) throw new HttpFailure('invalid-url', normalized.message);
  return normalized.url;
}

type LiteLLMApi = Pick<
  SwitchboardApi,
  'litellm:test-connection' | 'litellm:fetch-models' | 'litellm:get-config' | 'litellm:set-config' | 'litellm:disconnect'
>;

export function createLiteLLMApi(services: ApiServices): LiteLLMApi {
  const client = { fetch: services.fetch, timeoutMs: services.timeoutMs, maxBytes: services.maxBytes };

  const resolveKey = async (key: KeyInput): Promise<string | null> => {
    if (key.mode === 'provided') return key.value;
    if (key.mode === 'none') return null;
    return services.secrets.get(ACCOUNT);
  };

  const view = async (): Promise<LiteLLMConfigView> => {
    const saved = services.settings.read().platforms.litellm;
    let stored: string | null = null;
    try {
      stored = await services.secrets.get(ACCOUNT);
    } catch {
      // The panel still opens without a keychain; saving will say why it cannot.
    }
    return {
      url: saved?.url ?? DEFAULT_LITELLM_URL,
      connected: saved !== undefined,
      keyStored: stored !== null,
      keyHint: stored === null ? null : keyHint(stored),
      selectedModel: saved?.selectedModel ?? null,
    };
  };

  return {
    'litellm:test-connection': ({ url, key }) =>
      guard(async () => {
        const baseUrl = requireUrl(url);
        const secret = await resolveKey(key);
        const started = services.monotonic();
        const models = await listLiteLLMModels(client, baseUrl, secret);
        return { url: baseUrl, models, latencyMs: Math.round(services.monotonic() - started) };
      }),

    'litellm:fetch-models': async () => {
      const saved = services.settings.read().platforms.litellm;
      if (!saved) return fail('not-configured', 'LiteLLM is not connected yet. Enter the proxy URL and test the connection.');
      return guard(async () => {
        const models = await listLiteLLMModels(client, saved.url, await services.secrets.get(ACCOUNT));
        return { models, fetchedAt: services.now() };
      });
    },

    'litellm:get-config': view,

    'litellm:set-config': ({ url, key, selectedModel }) =>
      guard(async () => {
        const baseUrl = requireUrl(url);
        // The keychain goes first: if it fails, the settings file is left exactly as it was.
        if (key.mode === 'provided') await services.secrets.set(ACCOUNT, key.value);
        if (key.mode === 'none') await services.secrets.delete(ACCOUNT);
        const settings = services.settings.read();
        services.settings.write({ ...settings, platforms: { ...settings.platforms, litellm: { url: baseUrl, selectedModel } } });
        return view();
      }),

    'litellm:disconnect': () =>
      guard(async () => {
        await services.secrets.delete(ACCOUNT);
        const settings = services.settings.read();
        const { litellm: _removed, ...others } = settings.platforms;
        services.settings.write({ ...settings, platforms: others });
        return view();
      }),
  };
}
