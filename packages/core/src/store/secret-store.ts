import { withDeadline } from '../files/with-deadline.js';
import { DEFAULT_KEYCHAIN_TIMEOUT_MS } from './keychain-deadline.js';
import {
  classifyKeychainFailure,
  KeychainLockedError,
  KeychainMismatchError,
  KeychainTimeoutError,
  KeychainUnavailableError,
  type KeychainOperation,
} from './keychain-errors.js';
import { hasLockedEntry } from './keychain-lock-check.js';
import { KeychainProcess, KeychainProcessError, type KeytarRequest } from './keychain-process.js';

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export { KeychainError, KeychainLockedError, KeychainUnavailableError } from './keychain-errors.js';
export { DEFAULT_KEYCHAIN_TIMEOUT_MS } from './keychain-deadline.js';

export const KEYCHAIN_SERVICE = 'switchboard';

export interface KeytarSecretStoreOptions {
  /** How long one get, set or delete may take, asked at each call so that it can follow a setting. */
  timeoutMs?: () => number;
  /** The environment the keychain is reached through (tests point DBUS_SESSION_BUS_ADDRESS at a bus of their own). */
  env?: NodeJS.ProcessEnv;
}

/** One call's budget: what is left of its deadline, and whether it has already been given up. */
interface Budget {
  readonly operation: KeychainOperation;
  readonly limit: number;
  remaining(): number;
  readonly expired: boolean;
}

/**
 * API keys in the OS keychain via keytar (service `switchboard`, account =
 * platform id), with no plaintext fallback. Every call answers within its
 * deadline; "not available", "locked", "denied" and "timed out" are distinct
 * errors; every save is read back and compared byte for byte.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE, options: KeytarSecretStoreOptions = {}): SecretStore {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? (() => DEFAULT_KEYCHAIN_TIMEOUT_MS);
  const keychain = new KeychainProcess({ env });

  /** One request to the keychain process; a failure says which process generation it came from. */
  const attempt = async (request: KeytarRequest, budget: Budget): Promise<{ value: string | boolean | null } | { error: unknown; generation: number }> => {
    // A call that waited its turn past its deadline has already been answered; it must not reach the keychain late.
    if (budget.expired) throw new KeychainTimeoutError(budget.limit, budget.operation);
    let generation = keychain.generation;
    try {
      const answer = keychain.request(request);
      generation = keychain.generation;
      return { value: await answer };
    } catch (error) {
      if (error instanceof KeychainProcessError) {
        return { error: error.abandoned ? error : new KeychainUnavailableError(error, budget.operation), generation };
      }
      return { error: classifyKeychainFailure(error, budget.operation), generation };
    }
  };

  /**
   * One keytar call. A Secret Service that restarted leaves the keychain
   * process with a dead connection ("The name :1.0 was not provided by any
   * .service files"), so a call that finds no keychain is tried once more in a
   * fresh process before it is believed.
   */
  const call = async (request: KeytarRequest, budget: Budget) => {
    let renewed = false;
    for (;;) {
      const outcome = await attempt(request, budget);
      if ('value' in outcome) return outcome.value;
      const { error, generation } = outcome;
      // Ended under this call by someone else's deadline or renewal: this call still has its own time left.
      if (error instanceof KeychainProcessError && error.abandoned) continue;
      if (!(error instanceof KeychainUnavailableError) || renewed) throw error;
      renewed = true;
      keychain.renew(generation);
    }
  };

  /** Runs `work` within the deadline; past it, the keychain process is ended so that the late call cannot linger. */
  const timed = <T>(operation: KeychainOperation, work: (budget: Budget) => Promise<T>): Promise<T> => {
    const limit = timeoutMs();
    const started = Date.now();
    const budget = { operation, limit, expired: false, remaining: () => Math.max(0, limit - (Date.now() - started)) };
    const timedOut = () => {
      budget.expired = true;
      keychain.reset(new KeychainProcessError('another call to the keychain timed out', true));
      return new KeychainTimeoutError(limit, operation);
    };
    return withDeadline(limit, timedOut, () => work(budget));
  };

  const read = async (account: string, budget: Budget): Promise<string | null> => {
    const value = await call({ op: 'get', service, account }, budget);
    if (typeof value === 'string') return value;
    // libsecret answers "nothing stored" for an entry it cannot unlock: tell the two apart before anyone sends requests without the key.
    if (await hasLockedEntry(service, account, env, budget.remaining())) throw new KeychainLockedError(budget.operation);
    return null;
  };

  const remove = async (account: string, budget: Budget): Promise<void> => {
    const removed = await call({ op: 'delete', service, account }, budget);
    if (removed === false && (await hasLockedEntry(service, account, env, budget.remaining()))) throw new KeychainLockedError(budget.operation);
  };

  const save = async (account: string, secret: string, budget: Budget): Promise<void> => {
    // keytar refuses an empty password; an empty key means no key.
    if (secret === '') return remove(account, budget);
    const previous = await read(account, budget);
    await call({ op: 'set', service, account, secret }, budget);
    if ((await call({ op: 'get', service, account }, budget)) === secret) return;
    // Nothing is left half-stored: the previous key goes back, or the entry goes.
    let restored = false;
    try {
      if (previous === null) await remove(account, budget);
      else await call({ op: 'set', service, account, secret: previous }, budget);
      restored = previous !== null;
    } catch {
      // The mismatch is what the person needs to hear about; the restore was a courtesy.
    }
    throw new KeychainMismatchError(restored);
  };

  // Callers asking the same thing of the same account at once share one call; saves to one account wait their turn.
  const sharedReads = new Map<string, Promise<string | null>>();
  const saving = new Map<string, Promise<unknown>>();
  const inTurn = <T>(account: string, work: () => Promise<T>): Promise<T> => {
    const turn = (saving.get(account) ?? Promise.resolve()).catch(() => undefined).then(work);
    saving.set(account, turn);
    void turn.finally(() => saving.get(account) === turn && saving.delete(account)).catch(() => undefined);
    return turn;
  };

  return {
    get: (account) => {
      const shared = sharedReads.get(account);
      if (shared) return shared;
      const reading = timed('read', (budget) => read(account, budget)).finally(() => sharedReads.delete(account));
      sharedReads.set(account, reading);
      return reading;
    },
    set: (account, secret) => timed('save', (budget) => inTurn(account, () => save(account, secret, budget))),
    delete: (account) => timed('remove', (budget) => inTurn(account, () => remove(account, budget))),
  };
}
