import type { CheckEvent, ModelHealth } from '@switchboard/shared';

/** How many models are asked at once: enough to finish a long list, few enough not to trip a proxy's rate limit. */
export const CHECK_CONCURRENCY = 4;

export interface ModelCheck {
  /** One model's health, or null when the check was cancelled before it came. */
  checkOne(modelId: string, signal: AbortSignal): Promise<ModelHealth | null>;
  /** Keeps a result as it comes, so what finished before a cancel or a crash is not lost. */
  keep(modelId: string, health: ModelHealth): void;
  concurrency: number;
}

// A check that threw (a bug) is carried, not rejected: the others still running must not become unhandled rejections.
type Finished = { modelId: string; health: ModelHealth | null; thrown?: { error: unknown } };

/**
 * Checks the models, at most `concurrency` at a time, and yields each
 * model's health as it finishes (not in the order asked), then `done` with
 * the counts. A model asked twice is checked once. Cancelling (the signal, or
 * the caller leaving the loop) aborts the requests in flight and starts no
 * more; what finished before stays kept.
 */
export async function* checkModels(modelIds: readonly string[], check: ModelCheck, signal: AbortSignal): AsyncGenerator<CheckEvent> {
  const waiting = [...new Set(modelIds)];
  const running = new Map<string, Promise<Finished>>();
  // Its own controller: a caller that stops iterating without aborting still stops the requests in flight.
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  let checked = 0;
  let failed = 0;
  try {
    while (!controller.signal.aborted) {
      while (running.size < check.concurrency && waiting.length > 0) {
        const modelId = waiting.shift() as string;
        const finished = check.checkOne(modelId, controller.signal).then(
          (health): Finished => ({ modelId, health }),
          (error: unknown): Finished => ({ modelId, health: null, thrown: { error } }),
        );
        running.set(modelId, finished);
      }
      if (running.size === 0) break;
      const { modelId, health, thrown } = await Promise.race(running.values());
      running.delete(modelId);
      if (thrown) throw thrown.error;
      if (health === null || controller.signal.aborted) continue;
      check.keep(modelId, health);
      checked += 1;
      if (health.state !== 'ok') failed += 1;
      yield { type: 'health', modelId, health };
    }
    if (!controller.signal.aborted) yield { type: 'done', checked, failed };
  } finally {
    signal.removeEventListener('abort', stop);
    controller.abort();
  }
}
