/**
 * Runs `work`, answering with `timedOut()` if it has not settled within `ms`.
 * The work cannot be cancelled, so it registers cleanups (closing a handle)
 * through `onLate`; they run if the deadline passed first.
 */
export async function withDeadline<T>(
  ms: number,
  timedOut: () => Error,
  work: (onLate: (cleanup: () => Promise<void>) => void) => Promise<T>,
): Promise<T> {
  let late = false;
  const cleanups: (() => Promise<void>)[] = [];
  const onLate = (cleanup: () => Promise<void>) => {
    if (late) void cleanup().catch(() => undefined);
    else cleanups.push(cleanup);
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      late = true;
      for (const cleanup of cleanups.splice(0)) void cleanup().catch(() => undefined);
      reject(timedOut());
    }, ms);
  });
  try {
    return await Promise.race([work(onLate), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
