import { isFinalEvent, type StreamChannel, type StreamEvent, type StreamHandle, type StreamInput } from '@switchboard/shared';
import { contractUnavailable, loadAnswerContract, loadedAnswerContract } from './bridge';
import { bridgeMissing, transportError, type UiError } from './errors';

export interface StreamCallbacks<C extends StreamChannel> {
  /** Each event, checked against the contract, in the order sent; nothing after the final one. */
  onEvent(event: StreamEvent<C>): void;
  /**
   * Called once, last. `null`: the final event came, or the stream was
   * cancelled. A sentence: the stream failed without a final event (the
   * transport refused or broke, or sent something that is not an event).
   */
  onEnd(error: UiError | null): void;
}

const malformedEvent: UiError = {
  kind: 'transport',
  message: 'Switchboard received a part of the answer it did not understand from its background service, and stopped. Try again.',
};

const endedEarly: UiError = {
  kind: 'transport',
  message: "Switchboard's background service ended the stream before it finished. Try again.",
};

type EventSchema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false } };

/**
 * Opens a stream channel over `window.switchboard.stream` (Electron's port
 * or the browser host's streamed response alike). Every event is checked
 * against the contract's event schema, which loads apart from the start-up
 * bundle; events that come before it has loaded wait, in order. A transport
 * failure or an event that does not fit ends the stream with a sentence.
 */
export function openStream<C extends StreamChannel>(channel: C, input: StreamInput<C>, callbacks: StreamCallbacks<C>): StreamHandle {
  let ended = false;
  let sawFinal = false;
  let schema: EventSchema | null = loadedAnswerContract()?.streamContract[channel].event ?? null;
  const waiting: unknown[] = [];
  let transportEnd: { error: string | null } | null = null;
  let inner: StreamHandle | null = null;

  const finish = (error: UiError | null) => {
    if (ended) return;
    ended = true;
    callbacks.onEnd(error);
  };
  const handle: StreamHandle = {
    cancel() {
      if (ended) return;
      // Ended first, so the transport's own end (which cancel may call at once) is not taken for a failure.
      finish(null);
      inner?.cancel();
    },
  };
  const deliver = (raw: unknown, check: EventSchema) => {
    if (ended || sawFinal) return;
    const parsed = check.safeParse(raw);
    if (!parsed.success) {
      finish(malformedEvent);
      inner?.cancel();
      return;
    }
    const event = parsed.data as StreamEvent<C>;
    if (isFinalEvent(event)) sawFinal = true;
    callbacks.onEvent(event);
  };
  const settle = () => {
    if (transportEnd === null || schema === null) return;
    if (transportEnd.error !== null && !sawFinal) finish(transportError(transportEnd.error));
    else finish(sawFinal ? null : endedEarly);
  };

  const bridge = typeof window === 'undefined' ? undefined : window.switchboard;
  if (typeof bridge?.stream !== 'function') {
    queueMicrotask(() => finish(bridgeMissing));
    return handle;
  }
  if (schema === null) {
    loadAnswerContract().then(
      (module) => {
        const check: EventSchema = module.streamContract[channel].event;
        schema = check;
        for (const raw of waiting.splice(0)) deliver(raw, check);
        settle();
      },
      (error: unknown) => {
        finish(contractUnavailable(error));
        inner?.cancel();
      },
    );
  }
  try {
    inner = bridge.stream(
      channel,
      input,
      (raw) => {
        if (ended) return;
        if (schema === null) waiting.push(raw);
        else deliver(raw, schema);
      },
      (error) => {
        transportEnd = { error };
        settle();
      },
    );
  } catch (error) {
    queueMicrotask(() => finish(transportError(error)));
  }
  if (ended) inner?.cancel();
  return handle;
}
