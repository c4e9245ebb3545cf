const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier work on the same key has settled, so two
 * writes of one file in this process never interleave (backup, compare and
 * rename stay one step).
 */
export async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
