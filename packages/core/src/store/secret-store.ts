export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export class KeychainUnavailableError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `The system keychain is not available (${detail}). Switchboard keeps API keys only in the keychain, so nothing was saved. ` +
        'On Linux, install and unlock a Secret Service such as GNOME Keyring, then try again.',
    );
    this.name = 'KeychainUnavailableError';
  }
}

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'switchboard';

async function loadKeytar(): Promise<KeytarModule> {
  const loaded = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  return loaded.default ?? loaded;
}

/**
 * API keys in the OS keychain via keytar (service `switchboard`, account =
 * platform id). Any keychain failure becomes {@link KeychainUnavailableError}:
 * there is deliberately no plaintext fallback.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE, load: () => Promise<KeytarModule> = loadKeytar): SecretStore {
  const call = async <T>(use: (keytar: KeytarModule) => Promise<T>): Promise<T> => {
    try {
      return await use(await load());
    } catch (error) {
      throw new KeychainUnavailableError(error);
    }
  };
  return {
    get: (account) => call((keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => call((keytar) => keytar.setPassword(service, account, secret)),
    delete: async (account) => {
      await call((keytar) => keytar.deletePassword(service, account));
    },
  };
}
