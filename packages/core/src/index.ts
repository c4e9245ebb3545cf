export { createApi, createApiFromServices, type AppApiOptions } from './api/create-api.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type ApiServices } from './api/services.js';
export { keyHint, createPlatformService, type PlatformService } from './api/platform-service.js';
export { redact } from './redact.js';
export { HttpFailure, httpGet, type FetchLike } from './http/index.js';
export { listOpenAICompatibleModels } from './platforms/openai-compatible-models.js';
export { litellmPlatform } from './platforms/litellm/litellm-platform.js';
export { openrouterPlatform } from './platforms/openrouter/openrouter-platform.js';
export { customPlatform } from './platforms/custom/custom-platform.js';
export type { Platform, PlatformContext } from './platforms/platform.js';
export { SettingsSchema, type Settings } from './store/settings-schema.js';
export { createSettingsStore, type ConfLike, type SettingsStore } from './store/settings-store.js';
export { makePlainConf, openModelCacheStore, openSettingsStore, type MakeConf } from './store/open-settings-store.js';
export { createModelCacheStore, type ModelCacheStore, type StoredModelList } from './store/model-cache-store.js';
export { createPublicModelMap, type PublicModelMap } from './catalog/public-model-map.js';
export { DEFAULT_PUBLIC_MODEL_MAP_URL, type CatalogSettings } from './store/settings-schema.js';
export {
  createKeytarSecretStore,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  KeychainDeniedError,
  KeychainError,
  KeychainLockedError,
  KeychainMismatchError,
  KeychainTimeoutError,
  KeychainUnavailableError,
  KEYCHAIN_SERVICE,
  type KeytarSecretStoreOptions,
  type SecretStore,
} from './store/secret-store.js';
export { resolveUserDataDir, APP_NAME } from './user-data-dir.js';
export { listLiteLLMCatalog } from './platforms/litellm/litellm-catalog.js';
export type { CatalogListing } from './platforms/platform.js';
export { buildPublicModelIndex, type PublicModelIndex } from './catalog/public-model-index.js';
export * from './opencode/index.js';
export { SETTINGS_FILE_NAME } from './store/settings-schema.js';
export { inspectStoreFile, type StoreFileState } from './store/store-file.js';
