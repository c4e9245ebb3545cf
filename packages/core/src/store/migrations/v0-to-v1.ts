import { DEFAULT_KEYCHAIN_TIMEOUT_MS } from '../settings-schema.js';
import type { SettingsDocument } from './settings-document.js';

/**
 * Version 1 adds the keychain's deadline. Everything a version-0 file holds
 * (connections, catalog and opencode settings) is carried over as it is.
 */
export function migrateV0ToV1(document: SettingsDocument): SettingsDocument {
  return { ...document, keychain: { timeoutMs: DEFAULT_KEYCHAIN_TIMEOUT_MS } };
}
