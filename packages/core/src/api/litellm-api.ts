import {
  DEFAULT_LITELLM_URL,
  fail,
  normalizeBaseUrl,
  type KeyInput,
  type LiteLLMConfigView,
  type Model,
  type SwitchboardApi,
} from '@switchboard/shared';
import { listLiteLLMCatalog } from '../catalog/litellm-catalog.js';
import { HttpFailure } from '../http/index.js';
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

type LiteLLMChannel = Extract<keyof SwitchboardApi, `litellm:${string}`>;
type LiteLLMApi = Pick<SwitchboardApi, LiteLLMChannel>;

/** The listing whose metadata is still arriving, so a second call can wait for it instead of asking again. */
interface LatestListing {
  url: string;
  fetchedAt: number;
  enriched: Promise<Model[]>;
}

export function createLiteLLMApi(services: ApiServices): LiteLLMApi {
  const client = { fetch: services.fetch, timeoutMs: services.timeoutMs, maxBytes: services.maxBytes };
  let latest: LatestListing | null = null;

  const savedUrl = () => services.settings.read().platforms.litellm?.url ?? null;

  /** Keeps the enriched list of the saved connection, so the next start shows it at once. */
  const cacheWhenEnriched = (listing: LatestListing) => {
    void listing.enriched.then((models) => {
      if (savedUrl() === listing.url && latest === listing) {
        services.modelCache.write('litellm', { url: listing.url, fetchedAt: listing.fetchedAt, models });
      }
    });
  };

  const list = async (url: string, key: string | null) => {
    const fetchedAt = services.now();
    const listing = await listLiteLLMCatalog(client, services.publicModelMap, url, key);
    latest = { url, fetchedAt, enriched: listing.enriched };
    cacheWhenEnriched(latest);
    return { models: listing.models, fetchedAt };
  };

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
        const { models } = await list(baseUrl, secret);
        return { url: baseUrl, models, latencyMs: Math.round(services.monotonic() - started) };
      }),

    'litellm:fetch-models': async () => {
      const url = savedUrl();
      if (!url) return fail('not-configured', 'LiteLLM is not connected yet. Enter the proxy URL and test the connection.');
      return guard(async () => list(url, await services.secrets.get(ACCOUNT)));
    },

    'litellm:fetch-metadata': async () => {
      if (!latest) return fail('not-configured', 'There is no model list yet. Test the connection first.');
      const { enriched, fetchedAt } = latest;
      return { ok: true, value: { models: await enriched, fetchedAt } };
    },

    'litellm:get-cached-models': async () => {
      const cached = services.modelCache.read('litellm');
      if (!cached || cached.url !== savedUrl()) return null;
      const lifetime = services.settings.read().catalog.modelListLifetimeMs;
      return { ...cached, stale: services.now() - cached.fetchedAt > lifetime };
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
        if (latest?.url === baseUrl) cacheWhenEnriched(latest);
        return view();
      }),

    'litellm:disconnect': () =>
      guard(async () => {
        await services.secrets.delete(ACCOUNT);
        const settings = services.settings.read();
        const { litellm: _removed, ...others } = settings.platforms;
        services.settings.write({ ...settings, platforms: others });
        services.modelCache.clear('litellm');
        latest = null;
        return view();
      }),
  };
}
