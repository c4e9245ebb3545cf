import type { ProxyErrorKind } from '@switchboard/shared';

/** What Switchboard was doing with the keychain, so a sentence can say what did not happen. */
export type KeychainOperation = 'read' | 'save' | 'remove';

const NOT_DONE: Record<KeychainOperation, string> = {
  read: 'the stored API key could not be read, and nothing was sent without it',
  save: 'nothing was saved',
  remove: 'the stored API key was not removed',
};

/**
 * The same failure, said of a network secret (the proxy password, a secret
 * header) instead of the API key: the store that failed does not know what
 * the secret it was asked for is.
 */
export function asNetworkSecretFailure(failure: KeychainError): { kind: ProxyErrorKind; message: string } {
  return {
    kind: failure.kind,
    message: failure.message.replace(NOT_DONE.read, 'a stored network secret (the proxy password or a secret header) could not be read, and nothing was sent without it'),
  };
}

/** libsecret's (and the OS's) own words can be long; a sentence quotes at most this much of them. */
const MAX_DETAIL = 200;

function detailOf(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** Every keychain failure: a kind the UI can branch on, and a sentence a person can act on. */
export abstract class KeychainError extends Error {
  abstract readonly kind: ProxyErrorKind;
}

export class KeychainUnavailableError extends KeychainError {
  readonly kind = 'keychain';
  constructor(cause: unknown, operation: KeychainOperation = 'save') {
    super(
      `The system keychain is not available (${detailOf(cause)}), so ${NOT_DONE[operation]}. Switchboard keeps API keys only in the keychain. ` +
        'On Linux, install and unlock a Secret Service such as GNOME Keyring, then try again.',
    );
    this.name = 'KeychainUnavailableError';
  }
}

export class KeychainLockedError extends KeychainError {
  readonly kind = 'keychain-locked';
  constructor(operation: KeychainOperation) {
    super(`The system keychain is locked, so ${NOT_DONE[operation]}. Unlock it (on Linux, the login keyring, for example in Passwords and Keys), then try again.`);
    this.name = 'KeychainLockedError';
  }
}

export class KeychainDeniedError extends KeychainError {
  readonly kind = 'keychain-denied';
  constructor(cause: unknown, operation: KeychainOperation) {
    super(
      `The system keychain refused Switchboard access (${detailOf(cause)}), so ${NOT_DONE[operation]}. ` +
        'Allow access when the keychain asks, then try again.',
    );
    this.name = 'KeychainDeniedError';
  }
}

export class KeychainTimeoutError extends KeychainError {
  readonly kind = 'keychain-timeout';
  constructor(timeoutMs: number, operation: KeychainOperation) {
    const seconds = Math.round(timeoutMs / 100) / 10;
    const outcome = operation === 'save' ? 'the key may not have been saved' : NOT_DONE[operation];
    super(
      `The system keychain did not answer within ${seconds} s, so ${outcome}. If it is asking for a password, answer it; ` +
        'otherwise check that the Secret Service (such as GNOME Keyring) is running, then try again.',
    );
    this.name = 'KeychainTimeoutError';
  }
}

/** The keychain kept something other than what was typed: the read-back after a save did not match. */
export class KeychainMismatchError extends KeychainError {
  readonly kind = 'keychain';
  constructor(restored: boolean) {
    super(
      'The system keychain stored a different key than the one entered (the read-back after saving did not match), so nothing was saved' +
        (restored ? ' and the previous key was put back. ' : '. ') +
        'Check that the key has no characters your keychain cannot keep, then try again.',
    );
    this.name = 'KeychainMismatchError';
  }
}

// No Secret Service to talk to, whatever words follow ("Could not connect: Permission denied" is about the bus socket, not a refusal).
const ABSENT = /could not connect|not provided by any \.service files|autolaunch|ServiceUnknown|NameHasNoOwner|connection (is |was )?closed/i;
// libsecret / GNOME Keyring ("Cannot create an item in a locked collection"), macOS, Windows.
const LOCKED = /\blocked\b|IsLocked/i;
const DENIED = /denied|not allowed|not authori[sz]ed|permission|cancel(l)?ed|dismissed/i;

/** Sorts a failure keytar reported by its words: locked, denied, or not there at all. */
export function classifyKeychainFailure(cause: unknown, operation: KeychainOperation): KeychainError {
  if (cause instanceof KeychainError) return cause;
  const text = detailOf(cause);
  if (ABSENT.test(text)) return new KeychainUnavailableError(cause, operation);
  if (LOCKED.test(text)) return new KeychainLockedError(operation);
  if (DENIED.test(text)) return new KeychainDeniedError(cause, operation);
  return new KeychainUnavailableError(cause, operation);
}
