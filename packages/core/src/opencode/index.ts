export { apiKeyEnvVariable, envReference, opencodeProviderId } from './api-key-env.js';
export { OPENCODE_CONFIG_ENV, resolveOpencodeConfigPath } from './config-path.js';
export { buildModelEntry, type ModelEntryOptions } from './model-entry.js';
export { baseName, uniqueModelNames } from './model-names.js';
export {
  applyOpencodeConfig,
  previewOpencodeConfig,
  previewView,
  type ConfigIo,
  type OpencodeConfigPreview,
  type OpencodeConfigPreviewView,
  type OpencodeConfigRequest,
} from './opencode-config.js';
export { planConfigUpdate, type ConfigUpdatePlan, type ConfigUpdateRequest } from './plan-config-update.js';
export { buildProviderEntry, hasPlainKey, isUsableByOpencode, PLAIN_KEY_WARNING, responsesOnlyLeftOut, type ProviderEntryInput } from './provider-entry.js';
export { readConfigFile } from './read-config-file.js';
export { RESERVED_PROVIDER_IDS } from './reserved-provider-ids.js';
export { redactSecretsInDiff } from './redact-diff.js';
export {
  OPENAI_COMPATIBLE_PACKAGE,
  OPENAI_RESPONSES_PACKAGE,
  OPENCODE_SCHEMA_URL,
  type ApiKeySource,
  type OpencodeModality,
  type OpencodeModelEntry,
  type OpencodeProviderEntry,
} from './types.js';
export { nodeConfigFileSystem, writeConfigFile, type ConfigFileSystem, type WriteConfigOptions } from './write-config-file.js';
