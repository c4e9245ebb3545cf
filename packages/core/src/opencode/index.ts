export { apiKeyEnvVariable, headerEnvVariable, opencodeProviderId } from './api-key-env.js';
export { OPENCODE_CONFIG_ENV, resolveOpencodeConfigPath } from './config-path.js';
export { applyOpencodeConfig, previewOpencodeConfig, previewView, type OpencodeConfigPreview } from './opencode-config.js';
export { buildProviderEntry, isUsableByOpencode, PLAIN_KEY_WARNING, responsesOnlyLeftOut } from './provider-entry.js';
export { RESERVED_PROVIDER_IDS } from './reserved-provider-ids.js';
export type { ApiKeySource } from './types.js';
export { writeConfigFile } from './write-config-file.js';
