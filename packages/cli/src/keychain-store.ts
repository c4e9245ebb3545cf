import { createKeytarSecretStore, KEYCHAIN_SERVICE, type SecretStore } from '@switchboard/core/keychain';
import type { SettingsView } from './settings-view.js';

/**
 * The keychain as the app uses it: service `switchboard`, and the deadline
 * set in Settings (the keychain's default where none is). The environment is
 * the one the CLI was given, so the Secret Service reached is the caller's.
 * SWITCHBOARD_KEYCHAIN_SERVICE exists for tests, which must never read or
 * write a person's own keys.
 */
export function cliSecretStore(env: NodeJS.ProcessEnv, settings: SettingsView): SecretStore {
  const service = env['SWITCHBOARD_KEYCHAIN_SERVICE'] || KEYCHAIN_SERVICE;
  const timeoutMs = settings.keychainTimeoutMs;
  return createKeytarSecretStore(service, timeoutMs === null ? { env } : { env, timeoutMs: () => timeoutMs });
}
