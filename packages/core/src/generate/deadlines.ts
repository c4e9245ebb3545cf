import type { GenerateLimits } from './generate-types.js';

/** Which deadline ended a generation. */
export type Expiry = 'first-byte' | 'stall' | 'duration';

export interface Deadlines {
  /** A chunk arrived: the first-byte wait is over and the stall wait starts again. */
  chunkArrived(): void;
  expired(): Expiry | null;
  clear(): void;
}

/**
 * The three clocks of a generation: the first byte, the silence between two
 * chunks once it has started, and the whole duration. When one runs out it
 * aborts the request through `abort`, which closes the connection.
 */
export function startDeadlines(limits: GenerateLimits, abort: () => void): Deadlines {
  let expired: Expiry | null = null;
  const expire = (which: Expiry) => () => {
    expired ??= which;
    abort();
  };
  let waiting = setTimeout(expire('first-byte'), limits.firstByteTimeoutMs);
  const whole = setTimeout(expire('duration'), limits.maxDurationMs);
  return {
    chunkArrived() {
      clearTimeout(waiting);
      if (expired === null) waiting = setTimeout(expire('stall'), limits.stallTimeoutMs);
    },
    expired: () => expired,
    clear() {
      clearTimeout(waiting);
      clearTimeout(whole);
    },
  };
}
