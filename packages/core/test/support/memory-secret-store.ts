import type { SecretStore } from '../../src/store/secret-store.js';

/** For tests about something other than storage: keeps keys in a Map, off the real keychain. */
export function memorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const map = new Map(Object.entries(initial));
  return {
    get: async (account) => map.get(account) ?? null,
    set: async (account, secret) => void map.set(account, secret),
    delete: async (account) => void map.delete(account),
  };
}
