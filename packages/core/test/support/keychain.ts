import { randomUUID } from 'node:crypto';
import { createKeytarSecretStore, type SecretStore } from '../../src/store/secret-store.js';

/**
 * Keychain tests talk to a real Secret Service. `pnpm test` provides one (a
 * throwaway GNOME Keyring in its own D-Bus session); a bare `vitest` run
 * outside it has none, and says so rather than failing on the environment.
 */
export const keychainAvailable = Boolean(process.env.SWITCHBOARD_TEST_KEYRING && process.env.DBUS_SESSION_BUS_ADDRESS);
export const NO_KEYCHAIN_REASON = 'SKIPPED: no Secret Service in this run; run through `pnpm test`, which starts one';

if (!keychainAvailable) console.warn(`\n*** ${NO_KEYCHAIN_REASON} ***\n`);

/** A real keychain store under a service name of its own, so parallel test files never share entries. */
export function isolatedSecretStore(): { secrets: SecretStore; service: string } {
  const service = `switchboard-test-${randomUUID()}`;
  return { secrets: createKeytarSecretStore(service), service };
}
