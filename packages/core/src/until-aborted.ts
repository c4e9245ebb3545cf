/**
 * The work's answer, or null as soon as the signal aborts: a Stop (or a
 * deadline) moves on at once while work that cannot be cancelled (asking for
 * a model's metadata, a keychain read) finishes in the background.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
