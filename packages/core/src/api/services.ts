import type { PublicModelMap } from '../catalog/public-model-map.js';
import type { FetchLike } from '../http/index.js';
import type { ModelCacheStore } from '../store/model-cache-store.js';
import type { ManagedNetworkRoutes } from '../network/network-routes.js';
import type { ModelHealthRecords } from '../store/model-health-records.js';
import type { SecretStore } from '../store/secret-store.js';
import type { SettingsStore } from '../store/settings-store.js';

/** What the API object is given, so tests can hand in real loopback servers and temporary folders. */
export interface ApiServices {
  /**
   * A test's own transport. When set, every request to a platform goes
   * through it (custom headers still applied); the proxy and CA settings are
   * not, since they live in the dispatcher only undici's fetch takes. Unset
   * in the app: requests leave by their route (network/).
   */
  fetch?: FetchLike;
  settings: SettingsStore;
  secrets: SecretStore;
  modelCache: ModelCacheStore;
  /** The last check of each model (`models:check`). */
  modelHealth: ModelHealthRecords;
  publicModelMap: PublicModelMap;
  /** Wall clock, for fetch times shown to the user. */
  now: () => number;
  /** Monotonic clock, for measured latencies. */
  monotonic: () => number;
  timeoutMs: number;
  maxBytes: number;
  /** For addresses a deployment may redirect, such as SWITCHBOARD_OPENROUTER_BASE_URL. */
  env: NodeJS.ProcessEnv;
  /** Where ~ is, for opencode's global config. */
  home: string;
}

/** The services once the API is built on them: the keychain remembers for redaction, and every request has its route. */
export interface RoutedServices extends ApiServices {
  routes: ManagedNetworkRoutes;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A /v1/models answer for 10,000 models is about 1 MiB; 16 MiB leaves room without risking memory. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
