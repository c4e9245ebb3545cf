// core's public surface: what the apps, the CLI, the hostile suite and the bench import. core's own tests
// import the file they test, so a name belongs here only while something outside core imports it.
export { createApi, createApiFromServices, createBackend, createBackendFromServices, type Backend } from './api/create-api.js';
export { DEFAULT_MAX_BYTES } from './api/services.js';
export type { FetchLike } from './http/index.js';
export { litellmPlatform } from './platforms/litellm/litellm-platform.js';
export { listLiteLLMCatalog } from './platforms/litellm/litellm-catalog.js';
export { openrouterPlatform } from './platforms/openrouter/openrouter-platform.js';
export type { Platform } from './platforms/platform.js';
export { createPublicModelMap, type PublicModelMap } from './catalog/public-model-map.js';
export { buildPublicModelIndex } from './catalog/public-model-index.js';
export type { SettingsStore } from './store/settings-store.js';
export { openModelCacheStore, openModelHealthRecords, openSettingsStore, type MakeConf } from './store/open-settings-store.js';
export type { ModelCacheStore } from './store/model-cache-store.js';
export { inspectStoreFile } from './store/store-file.js';
export {
  createKeytarSecretStore,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  KeychainError,
  KeychainLockedError,
  KeychainUnavailableError,
  KEYCHAIN_SERVICE,
  type SecretStore,
} from './store/secret-store.js';
export { resolveUserDataDir, APP_NAME } from './user-data-dir.js';
export { headerAccount } from './network/keychain-accounts.js';
export {
  apiKeyEnvVariable,
  applyOpencodeConfig,
  buildProviderEntry,
  headerEnvVariable,
  isUsableByOpencode,
  opencodeProviderId,
  previewOpencodeConfig,
  writeConfigFile,
} from './opencode/index.js';
export { platformOf } from './platforms/platform-of.js';
export { findAgentTarget } from './agents/registry.js';
export { resolveAgentPath } from './agents/agent-path.js';
export { readAgentFile } from './agents/agent-file.js';
