/** How long a keychain call may take by default before Switchboard stops waiting: long enough for a busy Secret Service, short enough that a panel never hangs. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 4_000;
