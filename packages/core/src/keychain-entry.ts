// `@switchboard/core/keychain`: what `switchboard key` needs, and nothing more. An agent runs that
// command for its key (Claude Code's apiKeyHelper, Codex's auth command), so it must start fast; this
// entry loads neither zod nor the contract, which the package's main entry does (about 0.3 s).
export { resolveUserDataDir } from './user-data-dir.js';
export { SETTINGS_FILE_NAME } from './settings-file-name.js';
export { inspectStoreFile } from './store/store-file.js';
export { createKeytarSecretStore, KeychainError, KEYCHAIN_SERVICE, type SecretStore } from './store/secret-store.js';
