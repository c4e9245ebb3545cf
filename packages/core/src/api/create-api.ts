import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LITELLM_URL, DEFAULT_OPENROUTER_BASE_URL, parseInstanceId, type AppNotice, type SwitchboardApi, type SwitchboardStreams } from '@switchboard/shared';
import { createPublicModelMap } from '../catalog/public-model-map.js';
import { litellmPlatform } from '../platforms/litellm/litellm-platform.js';
import { openrouterPlatform } from '../platforms/openrouter/openrouter-platform.js';
import { customPlatform } from '../platforms/custom/custom-platform.js';
import { makePlainConf, openModelCacheStore, openModelHealthRecords, openSettingsStore, type MakeConf } from '../store/open-settings-store.js';
import { createKeytarSecretStore, KEYCHAIN_SERVICE, type SecretStore } from '../store/secret-store.js';
import { createAgentsApi } from '../agents/agents-api.js';
import { createAppApi } from './app-api.js';
import { createCustomEndpoints } from './custom-endpoints-api.js';
import { createOpencodeApi } from './opencode-api.js';
import type { PlatformRegistry } from './platform-registry.js';
import { platformChannels } from './platform-channels.js';
import { createPlatformService } from './platform-service.js';
import { rememberingSecrets, withRedaction } from './redacting-api.js';
import { createRedactor } from '../redact.js';
import { createPlaygroundDrafts } from '../store/playground-drafts.js';
import { createPlaygroundApi } from './playground-api.js';
import { createCapabilitiesSource } from './capabilities-source.js';
import { withStreamRedaction } from './redacting-streams.js';
import { createStreams, type StreamTuning } from './stream-api.js';
import { syncingAgents, syncingNetwork } from './syncing-agents.js';
import { createNetworkApi } from '../network/network-api.js';
import { createNetworkRoutes, type ManagedNetworkRoutes } from '../network/network-routes.js';
import { routedFetch } from '../network/routed-fetch.js';
import type { FetchLike } from '../http/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type ApiServices, type RoutedServices } from './services.js';

export interface AppApiOptions {
  userDataDir: string;
  /** Default: the OS keychain, each call bounded by the deadline in settings (`keychain.timeoutMs`). Tests hand in their own. */
  secrets?: SecretStore;
  /** electron-store in Electron; plain conf elsewhere. */
  makeConf?: MakeConf;
  env?: NodeJS.ProcessEnv;
  /** Anything a test wants to replace. */
  overrides?: Partial<ApiServices>;
  /** Smaller deadlines for the streams, for tests. */
  streamTuning?: StreamTuning;
}

/** What both transports call: the API object (request and answer) and the streams beside it, over the same services and redactor. */
export interface Backend {
  api: SwitchboardApi;
  streams: SwitchboardStreams;
  /** How requests leave the machine; `close()` ends their connections (a test's teardown). */
  routes: ManagedNetworkRoutes;
}

/** Builds the API object both transports call, with the real services for a user-data folder. */
export function createApi(options: AppApiOptions): SwitchboardApi {
  return createBackend(options).api;
}

/** The API object and the streams, with the real services for a user-data folder. */
export function createBackend(options: AppApiOptions): Backend {
  const makeConf = options.makeConf ?? makePlainConf;
  const { store: settings, notices } = openSettingsStore(options.userDataDir, makeConf);
  const catalog = settings.read().catalog;
  const env = options.env ?? {};
  const now = () => Date.now();
  // The public map follows the app's proxy: its route is there only once the backend is, and it is asked later.
  let appFetch: FetchLike = (url, init) => fetch(url, init);
  const services: ApiServices = {
    settings,
    secrets: options.secrets ?? createKeytarSecretStore(KEYCHAIN_SERVICE, { timeoutMs: () => settings.read().keychain.timeoutMs, env: options.env }),
    modelCache: openModelCacheStore(options.userDataDir, makeConf),
    modelHealth: openModelHealthRecords(options.userDataDir, makeConf),
    publicModelMap: createPublicModelMap({
      fetch: (url, init) => appFetch(url, init),
      url: env.SWITCHBOARD_PUBLIC_MODEL_MAP_URL ?? catalog.publicMapUrl,
      cacheFile: join(options.userDataDir, 'cache', 'public-model-map.json'),
      lifetimeMs: catalog.publicMapLifetimeMs,
      timeoutMs: catalog.publicMapTimeoutMs,
      now,
    }),
    now,
    monotonic: () => performance.now(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    env,
    home: homedir(),
    ...options.overrides,
  };
  const backend = createBackendFromServices(services, notices, options.streamTuning);
  appFetch = routedFetch(backend.routes, null);
  return backend;
}

/** The API object on services a caller built (the renderer tests' main hands in its own keychain and clock). */
export function createApiFromServices(services: ApiServices, notices: readonly AppNotice[] = []): SwitchboardApi {
  return createBackendFromServices(services, notices).api;
}

/**
 * The API object and the streams on services a caller built. Both share one
 * redactor: a key read or typed for any channel is masked in every answer and
 * every streamed event after it.
 */
export function createBackendFromServices(services: ApiServices, notices: readonly AppNotice[] = [], tuning?: StreamTuning): Backend {
  const redactor = createRedactor();
  const secrets = rememberingSecrets(services.secrets, redactor);
  const routes = createNetworkRoutes({
    settings: services.settings,
    secrets,
    env: services.env,
    ...(services.fetch === undefined ? {} : { transport: services.fetch }),
  });
  const routed: RoutedServices = { ...services, secrets, routes };
  const litellm = createPlatformService(routed, { platform: litellmPlatform, instanceId: 'litellm', defaultUrl: DEFAULT_LITELLM_URL });
  const openrouter = createPlatformService(routed, {
    platform: openrouterPlatform,
    instanceId: 'openrouter',
    defaultUrl: DEFAULT_OPENROUTER_BASE_URL,
  });
  const custom = createCustomEndpoints(routed);
  const registry: PlatformRegistry = (instanceId) => {
    const parsed = parseInstanceId(instanceId);
    if (parsed === null) return null;
    if (parsed.platform === 'litellm') return { platform: litellmPlatform, service: litellm, displayName: 'LiteLLM' };
    if (parsed.platform === 'openrouter') return { platform: openrouterPlatform, service: openrouter, displayName: 'OpenRouter' };
    const service = custom.lookup(parsed.endpointId);
    return service ? { platform: customPlatform, service, displayName: service.saved()?.name ?? parsed.endpointId } : null;
  };
  const capabilities = createCapabilitiesSource(registry, routed);
  const opencode = createOpencodeApi(routed, registry, routed.home);
  const agents = createAgentsApi(routed, registry, opencode);
  const api: SwitchboardApi = {
    ...syncingAgents(
      {
        ...platformChannels('litellm', litellm),
        ...platformChannels('openrouter', openrouter),
        ...custom.channels,
      },
      agents.syncInstance,
    ),
    ...opencode,
    ...agents.channels,
    ...createAppApi(notices),
    ...createPlaygroundApi({
      drafts: createPlaygroundDrafts(routed.settings),
      health: routed.modelHealth,
      savedUrl: (instanceId) => registry(instanceId)?.service.saved()?.url ?? null,
      capabilitiesOf: capabilities.of,
      now: routed.now,
    }),
    ...syncingNetwork(createNetworkApi(routed), agents.syncNetwork),
  };
  const streams = createStreams({ services: routed, registry, capabilities, redactor, tuning, unsavedCustom: custom.unsaved });
  return { api: withRedaction(api, redactor), streams: withStreamRedaction(streams, redactor), routes };
}
