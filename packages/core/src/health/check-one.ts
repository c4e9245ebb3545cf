import { DEFAULT_GENERATION_PARAMS, type GenerateEvent, type GenerateInput, type InstanceId, type ModelHealth } from '@switchboard/shared';

/** A generation on a connection already resolved: the playground's stream, minus finding the key. */
export type Generation = (input: GenerateInput, signal: AbortSignal) => AsyncIterable<GenerateEvent>;

export interface CheckClock {
  /** Wall clock: when the result was taken, shown beside it. */
  now: () => number;
  /** Monotonic clock: the latency. */
  monotonic: () => number;
}

/** The smallest request that shows a model answers: one output token, not streamed (nothing to watch arrive). */
export function minimalRequest(instanceId: InstanceId, modelId: string): GenerateInput {
  return {
    instanceId,
    modelId,
    system: '',
    prompt: 'Reply with OK.',
    params: { ...DEFAULT_GENERATION_PARAMS, maxOutputTokens: 1 },
    stream: false,
  };
}

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`);

/**
 * Sends one model the minimal request and says how it went: `ok` with the
 * latency, `error` with the sentence, or `timeout` when it did not answer
 * within `deadlineMs` (or the request's own deadlines ran out). Null when the
 * check was cancelled before this model's answer: that is no result to keep.
 * Its own sentences do not name the model: they are shown beside it, and an
 * id may hold control characters a sentence must not carry.
 */
export async function checkOne(generation: Generation, input: GenerateInput, deadlineMs: number, clock: CheckClock, signal: AbortSignal): Promise<ModelHealth | null> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);
  const cancel = () => controller.abort();
  signal.addEventListener('abort', cancel, { once: true });
  const started = clock.monotonic();
  // The model's own time where the request says it (from sending to the end), not the metadata looked up before it.
  const health = (state: ModelHealth['state'], message: string | null, totalMs?: number): ModelHealth => ({
    state,
    latencyMs: Math.max(0, Math.round(totalMs ?? clock.monotonic() - started)),
    checkedAt: clock.now(),
    message,
  });
  try {
    if (signal.aborted) return null;
    for await (const event of generation(input, controller.signal)) {
      if (event.type === 'error') return health(event.error.kind === 'timeout' ? 'timeout' : 'error', event.error.message, event.totalMs);
      if (event.type !== 'done') continue;
      if (event.ending === 'complete') return health('ok', null, event.totalMs);
      if (timedOut) return health('timeout', `The model did not answer within ${seconds(deadlineMs)}. It may be overloaded, or its upstream down; check it again later.`);
      if (signal.aborted) return null;
      return health('error', `The model stopped before the end of its answer. Check it again; if it keeps happening, check the proxy's logs.`);
    }
    return signal.aborted ? null : health('error', `The model gave no answer at all. Check it again; if it keeps happening, check the proxy's logs.`);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  }
}
