import { streamContract, isFinalEvent, STREAM_LIMITS, type StreamChannel, type StreamEvent } from './contract-playground.js';
import type { ProxyErrorKind } from './errors.js';
import { unexpectedFailureLine } from './failure-log.js';

/**
 * What both transports (Electron's MessagePort, the browser host's streamed
 * response) send of a stream channel, so the renderer gets the same events
 * whichever carries them: each event checked against the contract, within
 * STREAM_LIMITS, ending with exactly one final event (or nothing more once
 * the caller has gone). Whatever ends the stream aborts core's signal, so the
 * upstream request is closed with it.
 */

/** Bounds beyond the contract's per-field ones, on what one stream may send in all. */
export const STREAM_TRANSPORT_LIMITS = {
  /** No stream sends more events than characters of text, plus its start, usage and end. */
  maxEvents: STREAM_LIMITS.maxTotalChars + 16,
  /** The delta and reasoning text of one stream together. */
  maxTextChars: STREAM_LIMITS.maxTotalChars,
  /** One event as JSON: the largest legitimate one is `start` with its curl command (300,000 characters, escaped). */
  maxEventJsonChars: 1024 * 1024,
  maxDurationMs: STREAM_LIMITS.maxDurationMs,
} as const;

export type StreamLimits = { [K in keyof typeof STREAM_TRANSPORT_LIMITS]: number };

/** How the sentences name what a channel streams. */
const WHAT: Record<StreamChannel, string> = {
  'playground:generate': 'The answer',
  'models:check': 'The model check',
  'connection:diagnose': 'The connection test',
};

export interface PumpOptions {
  /** Aborted when the caller cancels, disconnects or goes away: nothing more is sent then. */
  signal: AbortSignal;
  /** Where an unexpected failure is logged, by its name only. */
  log: (line: string) => void;
  /** Milliseconds, for `totalMs` of a final error the pump itself sends. */
  now?: () => number;
  limits?: StreamLimits;
}

/** Sends one event; a promise holds the pump until the transport can take more (backpressure). */
export type StreamSend<C extends StreamChannel> = (event: StreamEvent<C>) => void | Promise<void>;

/** How a pumped stream ended: with its final event sent, or cancelled by the caller. */
export type PumpEnd = 'ended' | 'cancelled';

/**
 * `work`, or 'aborted' as soon as the signal is. The listener goes when
 * `work` settles: racing every step against one long-lived promise would
 * keep a reaction per event alive until the stream ends.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | 'aborted'> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve('aborted');
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const count = (n: number) => n.toLocaleString('en-US');

/** Which limit the stream has passed with this event, in words; null while within all. */
function limitPassed(limits: StreamLimits, events: number, text: number, event: { type: string }): string | null {
  if (text > limits.maxTextChars) return `${count(limits.maxTextChars)} characters of text`;
  if (events > limits.maxEvents) return `${count(limits.maxEvents)} events`;
  if (JSON.stringify(event).length > limits.maxEventJsonChars) return `${count(limits.maxEventJsonChars)} characters in one event`;
  return null;
}

function duration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 100) / 10} s`;
}

function textChars(event: { type: string; text?: unknown }): number {
  return (event.type === 'delta' || event.type === 'reasoning') && typeof event.text === 'string' ? event.text.length : 0;
}

/**
 * Runs `open(signal)` (core's stream function for `channel`) and sends what
 * it yields through `send`, checked and capped. Resolves once the stream has
 * ended; never rejects: a producer that throws, yields a malformed event,
 * overruns a limit, runs too long or stops without a final event ends the
 * stream with an `error` event carrying a sentence.
 */
export async function pumpStream<C extends StreamChannel>(
  channel: C,
  open: (signal: AbortSignal) => AsyncIterable<StreamEvent<C>>,
  send: StreamSend<C>,
  options: PumpOptions,
): Promise<PumpEnd> {
  const limits = options.limits ?? STREAM_TRANSPORT_LIMITS;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const what = WHAT[channel];
  const schema = streamContract[channel].event;
  const controller = new AbortController();
  const cancel = () => controller.abort();
  options.signal.addEventListener('abort', cancel, { once: true });
  if (options.signal.aborted) cancel();
  let overtime = false;
  const timer = setTimeout(() => {
    overtime = true;
    controller.abort();
  }, limits.maxDurationMs);
  // A transport that cannot take more holds the pump, but never past the end of the stream: a reader that
  // stops reading is cut off by the caller's signal or the duration limit, not waited on forever.
  const sent = (event: StreamEvent<C>) => untilAborted(Promise.resolve(send(event)), controller.signal);
  const fail = async (kind: ProxyErrorKind, message: string): Promise<PumpEnd> => {
    if (options.signal.aborted) return 'cancelled';
    // Built here, so it fits the contract by construction; the cast is only zod's discriminated union.
    await sent({ type: 'error', error: { kind, message }, totalMs: Math.max(0, now() - started) } as StreamEvent<C>);
    return 'ended';
  };

  let iterator: AsyncIterator<StreamEvent<C>> | null = null;
  let events = 0;
  let text = 0;
  try {
    iterator = open(controller.signal)[Symbol.asyncIterator]();
    for (;;) {
      const step = await untilAborted(iterator.next(), controller.signal);
      if (step === 'aborted') break;
      if (step.done) return await fail('bad-response', `${what} stopped without saying it was finished. Try again.`);
      const checked = schema.safeParse(step.value);
      if (!checked.success) {
        options.log(`switchboard: ${channel} yielded an event that does not fit the contract; the stream was ended`);
        return await fail('bad-response', `${what} was stopped: Switchboard's background service sent something it did not understand. Try again.`);
      }
      const event = checked.data as StreamEvent<C>;
      events += 1;
      text += textChars(event);
      const overrun = limitPassed(limits, events, text, event);
      if (overrun !== null) return await fail('too-large', `${what} was stopped at Switchboard's limit of ${overrun}.`);
      if ((await sent(event)) === 'aborted') break;
      if (isFinalEvent(event)) return 'ended';
    }
    if (overtime) return await fail('timeout', `${what} was stopped after ${duration(limits.maxDurationMs)}, Switchboard's limit.`);
    return 'cancelled';
  } catch (error) {
    options.log(unexpectedFailureLine(channel, error));
    return await fail('server-error', `${what} failed inside Switchboard. Try again; if it keeps happening, restart Switchboard.`).catch(() => 'cancelled' as const);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', cancel);
    // Every end closes the upstream: the producer sees its signal aborted and its generator is told to finish.
    controller.abort();
    void Promise.resolve()
      .then(() => iterator?.return?.())
      .catch(() => undefined);
  }
}
