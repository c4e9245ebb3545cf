/** How long a keychain call may take by default before Switchboard stops waiting: long enough for a busy Secret Service, short enough that a panel never hangs. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 4_000;

/** Settles with `work`, or calls `onLate` and rejects with what it returns once `timeoutMs` has passed. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number, onLate: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onLate()), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
