import { describe, expect, it } from 'vitest';
import type { GenerateEvent } from '../src/contract-playground.js';
import { pumpStream, STREAM_TRANSPORT_LIMITS, type StreamLimits } from '../src/stream-pump.js';

const SECRET = 'sk-pump-secret-4242';
const done: GenerateEvent = {
  type: 'done',
  ending: 'complete',
  finishReason: 'stop',
  answeredBy: 'gpt-4o',
  firstTokenMs: 5,
  totalMs: 10,
  callId: null,
  responseCost: null,
};
const delta = (text: string): GenerateEvent => ({ type: 'delta', text });

/** A producer as core writes one: it yields, it sees its signal, and it says whether it was told to finish. */
function producer(events: unknown[], options: { hangAfter?: boolean; throwAfter?: Error } = {}) {
  const seen = { signal: null as AbortSignal | null, finished: false, pulled: 0 };
  const open = (signal: AbortSignal) => {
    seen.signal = signal;
    return (async function* () {
      try {
        for (const event of events) {
          seen.pulled += 1;
          yield event as GenerateEvent;
        }
        if (options.throwAfter) throw options.throwAfter;
        // A stalled upstream: nothing comes until the signal says stop.
        if (options.hangAfter) await new Promise((resolve) => signal.addEventListener('abort', resolve));
      } finally {
        seen.finished = true;
      }
    })();
  };
  return { open, seen };
}

function run(events: unknown[], options: { hangAfter?: boolean; throwAfter?: Error; limits?: Partial<StreamLimits>; signal?: AbortSignal } = {}) {
  const { open, seen } = producer(events, options);
  const sent: GenerateEvent[] = [];
  const logged: string[] = [];
  const ending = pumpStream('playground:generate', open, (event) => void sent.push(event), {
    signal: options.signal ?? new AbortController().signal,
    log: (line) => logged.push(line),
    limits: { ...STREAM_TRANSPORT_LIMITS, ...options.limits },
  });
  return { ending, sent, logged, seen };
}

const lastError = (sent: GenerateEvent[]) => {
  const last = sent.at(-1);
  if (last?.type !== 'error') throw new Error(`the stream ended with ${last?.type ?? 'nothing'}, not an error`);
  return last.error;
};

describe('pumpStream', () => {
  it('sends the events in order and stops at the final one, closing the producer', async () => {
    const { ending, sent, seen } = run([delta('Hel'), delta('lo'), done, delta('after the end')]);
    await expect(ending).resolves.toBe('ended');
    expect(sent).toEqual([delta('Hel'), delta('lo'), done]);
    expect(seen.pulled).toBe(3);
    expect(seen.signal?.aborted).toBe(true);
    await expect.poll(() => seen.finished).toBe(true);
  });

  it('ends an event that does not fit the contract with a sentence, and logs neither it nor its text', async () => {
    const { ending, sent, logged, seen } = run([delta('ok'), { type: 'delta', text: 42, key: SECRET }, done]);
    await expect(ending).resolves.toBe('ended');
    expect(sent.slice(0, 1)).toEqual([delta('ok')]);
    expect(lastError(sent)).toEqual({ kind: 'bad-response', message: expect.stringMatching(/^The answer was stopped: .* did not understand/) });
    expect(sent).toHaveLength(2);
    expect(JSON.stringify(logged)).not.toContain(SECRET);
    expect(logged).toHaveLength(1);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('turns a producer that throws into an error event, logging the error by its name only', async () => {
    const { ending, sent, logged } = run([delta('partial')], { throwAfter: new TypeError(`fetch failed for Bearer ${SECRET}`) });
    await expect(ending).resolves.toBe('ended');
    expect(sent[0]).toEqual(delta('partial'));
    expect(lastError(sent)).toEqual({ kind: 'server-error', message: expect.stringMatching(/failed inside Switchboard. Try again/) });
    expect(logged).toEqual(['switchboard: playground:generate failed unexpectedly (TypeError)']);
  });

  it('says so when the producer stops without a final event', async () => {
    const { sent } = run([delta('cut')]);
    await expect.poll(() => sent.length).toBe(2);
    expect(lastError(sent)).toEqual({ kind: 'bad-response', message: 'The answer stopped without saying it was finished. Try again.' });
  });

  it.each([
    ['text', { maxTextChars: 5 }, [delta('abc'), delta('def'), done], /limit of 5 characters of text/],
    ['events', { maxEvents: 2 }, [delta('a'), delta('b'), delta('c'), done], /limit of 2 events/],
    ['one event', { maxEventJsonChars: 40 }, [delta('a'), delta('x'.repeat(100)), done], /limit of 40 characters in one event/],
  ])('stops a stream past its limit of %s with a sentence and closes the producer', async (_what, limits, events, sentence) => {
    const { ending, sent, seen } = run(events, { limits });
    await expect(ending).resolves.toBe('ended');
    expect(lastError(sent)).toEqual({ kind: 'too-large', message: expect.stringMatching(sentence) });
    expect(sent.filter((event) => event.type === 'delta').length).toBeLessThan(events.length - 1);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('stops a stream that runs past the duration limit, even while the producer waits on a silent upstream', async () => {
    const { ending, sent, seen } = run([delta('slow')], { hangAfter: true, limits: { maxDurationMs: 150 } });
    await expect(ending).resolves.toBe('ended');
    expect(lastError(sent)).toEqual({ kind: 'timeout', message: "The answer was stopped after 0.2 s, Switchboard's limit." });
    expect(seen.signal?.aborted).toBe(true);
  });

  it('sends nothing more once the caller has gone, and aborts the producer at once', async () => {
    const caller = new AbortController();
    const { ending, sent, seen } = run([delta('one')], { hangAfter: true, signal: caller.signal });
    await expect.poll(() => sent.length).toBe(1);
    caller.abort();
    await expect(ending).resolves.toBe('cancelled');
    expect(sent).toEqual([delta('one')]);
    expect(seen.signal?.aborted).toBe(true);
    await expect.poll(() => seen.finished).toBe(true);
  });

  it('pulls the next event only once the transport has taken the last (backpressure)', async () => {
    const { open, seen } = producer([delta('a'), delta('b'), done]);
    const releases: Array<() => void> = [];
    const ending = pumpStream('playground:generate', open, () => new Promise<void>((resolve) => releases.push(resolve)), {
      signal: new AbortController().signal,
      log: () => undefined,
    });
    await expect.poll(() => releases.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.pulled).toBe(1);
    releases[0]?.();
    await expect.poll(() => releases.length).toBe(2);
    expect(seen.pulled).toBe(2);
    releases[1]?.();
    await expect.poll(() => releases.length).toBe(3);
    releases[2]?.();
    await expect(ending).resolves.toBe('ended');
  });

  it('lets a caller who stops reading go: a send that never completes is left when the caller aborts', async () => {
    const caller = new AbortController();
    const { open, seen } = producer([delta('a'), done]);
    const ending = pumpStream('playground:generate', open, () => new Promise<void>(() => undefined), { signal: caller.signal, log: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    caller.abort();
    await expect(ending).resolves.toBe('cancelled');
    expect(seen.signal?.aborted).toBe(true);
  });

  it('checks the events of models:check against its own schema', async () => {
    const sent: unknown[] = [];
    const events = [
      { type: 'health', modelId: 'gpt-4o', health: { state: 'ok', latencyMs: 12, checkedAt: 1, message: null } },
      { type: 'done', checked: 1, failed: 0 },
    ];
    await pumpStream('models:check', async function* () {
      yield* events as never[];
    }, (event) => void sent.push(event), { signal: new AbortController().signal, log: () => undefined });
    expect(sent).toEqual(events);
  });
});
