import {
  fail,
  type InstanceId,
  type KeyInput,
  type Model,
  type PlatformConfigView,
  type PlatformVerb,
  type ProxyError,
  type Result,
  type VerbInput,
  type VerbMethod,
  type VerbOutput,
} from '@switchboard/shared';
import type { Platform, PlatformContext } from '../platforms/platform.js';
import { classifyKeychainFailure } from '../store/keychain-errors.js';
import type { PlatformSettings } from '../store/settings-schema.js';
import { guard } from './guard.js';
import { headerAccount } from '../network/keychain-accounts.js';
import { routedFetch } from '../network/routed-fetch.js';
import type { RoutedServices } from './services.js';

/** Shows the last four characters of a long key, so a person can tell which key is stored. */
function keyHint(key: string): string | null {
  return key.length >= 12 ? `••••${key.slice(-4)}` : null;
}

/** One method per verb of the contract, taking the verb's input and giving its answer. */
type VerbMethods = {
  [V in PlatformVerb as VerbMethod<V>]: VerbInput<V> extends undefined ? () => Promise<VerbOutput<V>> : (input: VerbInput<V>) => Promise<VerbOutput<V>>;
};

export type PlatformService = Omit<VerbMethods, 'setConfig'> & {
  /** Wider than its channel: a custom endpoint is saved with its name, and may be saved before a model is chosen. */
  setConfig(input: { url?: string | undefined; key: KeyInput; selectedModel: string | null }, extra?: Partial<PlatformSettings>): Promise<Result<PlatformConfigView>>;
  saved(): PlatformSettings | undefined;
  /** The models of the saved connection, as fully known as they can be now: the last listing, the cache, or a fresh fetch. */
  knownModels(): Promise<Result<Model[]>>;
};

/**
 * At most this many models are asked about one by one (a screen of the picker); more are cut from the
 * whole answer, which is then asked once and kept.
 */
const FEW_MODELS = 40;

/** The listing whose metadata is still arriving, so a second call can wait for it instead of asking again. */
interface LatestListing {
  url: string;
  fetchedAt: number;
  accessNote: string | undefined;
  /**
   * As the platform gave it: user limits are applied on the way out, never stored, so clearing one takes effect.
   * Asked for on first call, and only once.
   */
  enriched(): Promise<Model[]>;
  /** The whole answer once it has arrived, so a later question about a few models is answered from it. */
  settled: Model[] | null;
  /** What is known about a few of its models, before the whole answer (README, "Ids first, metadata after"). */
  some(ids: readonly string[]): Promise<Model[]>;
}

export interface PlatformServiceOptions {
  platform: Platform;
  /** The keychain account, settings key and cache key. */
  instanceId: InstanceId;
  /** What the URL field shows before anything is saved. */
  defaultUrl: string;
  /** Applied to every listing before it is returned or cached (a custom endpoint's user limits). */
  adjust?: (models: Model[]) => Model[];
}

/**
 * Everything a platform does that does not depend on which platform it is:
 * keys in the keychain, connection and chosen model in settings, the model
 * list cached with its fetch time, metadata after ids, errors as values.
 */
export function createPlatformService(services: RoutedServices, options: PlatformServiceOptions): PlatformService {
  const { platform, instanceId } = options;
  const adjust = options.adjust ?? ((models: Model[]) => models);
  const context: PlatformContext = {
    client: { fetch: routedFetch(services.routes, instanceId), timeoutMs: services.timeoutMs, maxBytes: services.maxBytes },
    publicModelMap: services.publicModelMap,
    env: services.env,
  };
  let latest: LatestListing | null = null;

  const saved = () => services.settings.read().platforms[instanceId];

  /** Keeps the enriched list of the saved connection, so the next start shows it at once. */
  const cacheWhenEnriched = (listing: LatestListing) => {
    void listing.enriched().then((models) => {
      if (saved()?.url === listing.url && latest === listing) {
        const { url, fetchedAt, accessNote } = listing;
        services.modelCache.write(instanceId, accessNote === undefined ? { url, fetchedAt, models } : { url, fetchedAt, models, accessNote });
      }
    });
  };

  const list = async (url: string, key: string | null) => {
    const fetchedAt = services.now();
    const listing = await platform.connect(context, url, key);
    let enriching: Promise<Model[]> | null = null;
    const current: LatestListing = {
      url,
      fetchedAt,
      accessNote: listing.accessNote,
      settled: null,
      enriched: () => {
        if (enriching) return enriching;
        enriching = listing.enrich();
        void enriching.then((models) => (current.settled = models));
        cacheWhenEnriched(current);
        return enriching;
      },
      some: async (ids) => {
        const wanted = new Set(ids);
        const of = (models: Model[]) => models.filter((model) => wanted.has(model.id));
        if (current.settled) return of(current.settled);
        // The first screen's worth is asked model by model; once the whole answer is on its way, every page is
        // cut from it, since a model-by-model answer lacks what only the whole one says (a deployment's description).
        if (listing.enrichSome && ids.length <= FEW_MODELS && enriching === null) {
          const some = await listing.enrichSome(ids);
          // The rows on screen have theirs: now the whole answer, kept (the cache) and cut into the rest's pages.
          void current.enriched();
          return some;
        }
        return of(await current.enriched());
      },
    };
    latest = current;
    const modelIds = listing.models.map((model) => model.id);
    return listing.accessNote === undefined ? { modelIds, fetchedAt } : { modelIds, fetchedAt, accessNote: listing.accessNote };
  };

  const resolveKey = async (key: KeyInput): Promise<string | null> => {
    if (key.mode === 'provided') return key.value;
    if (key.mode === 'none') return null;
    return services.secrets.get(instanceId);
  };

  const getConfig = async (): Promise<PlatformConfigView> => {
    const current = saved();
    let stored: string | null = null;
    let keychainError: ProxyError | undefined;
    try {
      stored = await services.secrets.get(instanceId);
    } catch (error) {
      // The panel still opens without a keychain, and says why the key's state is unknown rather than "no key".
      const failure = classifyKeychainFailure(error, 'read');
      keychainError = { kind: failure.kind, message: failure.message };
    }
    let url = options.defaultUrl;
    try {
      url = current?.url ?? platform.baseUrl(undefined, context);
    } catch {
      // A platform without a fixed address shows its default until one is saved.
    }
    return {
      url,
      connected: current !== undefined,
      keyStored: stored !== null,
      keyHint: stored === null ? null : keyHint(stored),
      selectedModel: current?.selectedModel ?? null,
      savedAt: current?.savedAt ?? null,
      ...(keychainError ? { keychainError } : {}),
    };
  };

  const writeSettings = (value: PlatformSettings | undefined) => {
    const settings = services.settings.read();
    const { [instanceId]: _previous, ...others } = settings.platforms;
    services.settings.write({ ...settings, platforms: value ? { ...others, [instanceId]: value } : others });
  };

  // Kept beside the connection (settings v5), so forgetting the connection has to take them out too.
  const forgetNetwork = () => {
    const settings = services.settings.read();
    const { [instanceId]: _previous, ...others } = settings.network.platforms;
    services.settings.write({ ...settings, network: { ...settings.network, platforms: others } });
  };

  const service: PlatformService = {
    saved,
    knownModels: async () => {
      const url = saved()?.url;
      if (latest && latest.url === url) return { ok: true, value: adjust(await latest.enriched()) };
      const cached = services.modelCache.read(instanceId);
      if (cached && cached.url === url) return { ok: true, value: adjust(cached.models) };
      const fetched = await service.fetchModels();
      if (!fetched.ok) return fetched;
      return { ok: true, value: adjust(await (latest as LatestListing).enriched()) };
    },
    testConnection: ({ url, key }) =>
      guard(async () => {
        const baseUrl = platform.baseUrl(url, context);
        const secret = await resolveKey(key);
        const started = services.monotonic();
        const { modelIds, accessNote } = await list(baseUrl, secret);
        return {
          url: baseUrl,
          modelIds,
          latencyMs: Math.round(services.monotonic() - started),
          warning: secret ? platform.keyWarning(secret) : null,
          ...(accessNote === undefined ? {} : { accessNote }),
        };
      }),

    fetchModels: async () => {
      const current = saved();
      if (!current) return fail('not-configured', `${platform.displayName} is not connected yet. Test the connection and save it first.`);
      return guard(async () => list(current.url, await services.secrets.get(instanceId)));
    },

    fetchMetadata: async () => {
      if (!latest) return fail('not-configured', 'There is no model list yet. Test the connection first.');
      const { enriched, fetchedAt } = latest;
      return { ok: true, value: { models: adjust(await enriched()), fetchedAt } };
    },

    fetchMetadataOf: async ({ ids }) => {
      if (!latest) return fail('not-configured', 'There is no model list yet. Test the connection first.');
      const { some, fetchedAt } = latest;
      return { ok: true, value: { models: adjust(await some(ids)), fetchedAt } };
    },

    getCachedModels: async () => {
      const cached = services.modelCache.read(instanceId);
      if (!cached || cached.url !== saved()?.url) return null;
      const lifetime = services.settings.read().catalog.modelListLifetimeMs;
      return { ...cached, models: adjust(cached.models), stale: services.now() - cached.fetchedAt > lifetime };
    },

    getConfig,

    setConfig: async ({ url, key, selectedModel }, extra = {}) => {
      if (platform.keyRequired && key.mode === 'none') {
        return fail('unauthorized', `${platform.displayName} needs an API key; enter one before saving.`);
      }
      return guard(async () => {
        const baseUrl = platform.baseUrl(url, context);
        // The keychain goes first: if it fails, the settings file is left exactly as it was.
        if (key.mode === 'provided') await services.secrets.set(instanceId, key.value);
        if (key.mode === 'none') await services.secrets.delete(instanceId);
        writeSettings({ ...saved(), ...extra, url: baseUrl, selectedModel, savedAt: services.now() });
        if (latest?.url === baseUrl) cacheWhenEnriched(latest);
        return getConfig();
      });
    },

    disconnect: () =>
      guard(async () => {
        await services.secrets.delete(instanceId);
        // The connection's network settings go with it: a secret header left in the keychain would be shown nowhere, ever.
        for (const header of services.settings.read().network.platforms[instanceId]?.headers ?? []) {
          if (header.secret) await services.secrets.delete(headerAccount(instanceId, header.name));
        }
        writeSettings(undefined);
        forgetNetwork();
        services.modelCache.clear(instanceId);
        latest = null;
        return getConfig();
      }),
  };
  return service;
}
