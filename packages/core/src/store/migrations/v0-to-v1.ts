import type { SettingsDocument } from './settings-document.js';

// The default as version 1 shipped it: a migration is frozen, so a later change of default must not change what it writes.
const V1_KEYCHAIN_TIMEOUT_MS = 4000;

/**
 * Version 1 adds the keychain's deadline. Everything a version-0 file holds
 * (connections, catalog and opencode settings) is carried over as it is.
 */
export function migrateV0ToV1(document: SettingsDocument): SettingsDocument {
  return { ...document, keychain: { timeoutMs: V1_KEYCHAIN_TIMEOUT_MS } };
}
