import type { ProxyError, StreamChannel, StreamHandle } from '@switchboard/shared';
import { track } from './in-flight';

/** Opens a stream in main's stead: the page's callbacks, and a handle to cancel. */
export type StreamOpener = (input: unknown, onEvent: (event: unknown) => void, onEnd: (transportError: string | null) => void) => StreamHandle;

/**
 * Stand-ins for main on a stream channel, for the few states the real core
 * cannot be brought to from here: a stream held before it starts, a transport
 * that breaks, or a given sentence whose exact words a test needs.
 * `openByMain` is how main itself opens the channel, for a held stream once released.
 */
export class StreamOverrides {
  private readonly openers = new Map<StreamChannel, StreamOpener>();

  constructor(private readonly openByMain: (channel: StreamChannel) => StreamOpener) {}

  /** The opener standing in for main on the channel, if any. */
  get(channel: StreamChannel): StreamOpener | undefined {
    return this.openers.get(channel);
  }

  /** The channel is opened by `opener` instead of main: a transport that breaks, or sends what main never would. */
  set(channel: StreamChannel, opener: StreamOpener): void {
    this.openers.set(channel, opener);
  }

  /** The channel waits until the returned function is called, then main runs it. */
  hold(channel: StreamChannel): () => void {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.openers.set(channel, (input, onEvent, onEnd) => {
      this.openers.delete(channel);
      let inner: StreamHandle | null = null;
      let cancelled = false;
      // Counted as main at work once released, as a held call is.
      void gate.then(() =>
        track(
          new Promise<void>((resolve) => {
            if (cancelled) return resolve();
            inner = this.openByMain(channel)(input, onEvent, (error) => {
              onEnd(error);
              resolve();
            });
          }),
        ),
      );
      return {
        cancel() {
          cancelled = true;
          inner?.cancel();
        },
      };
    });
    return () => release();
  }

  /** Test Connection ends with this error at once, as core says it (for a sentence whose exact words a test needs). */
  failDiagnosisWith(error: ProxyError): void {
    this.openers.set('connection:diagnose', (_input, onEvent, onEnd) => {
      queueMicrotask(() => {
        onEvent({ type: 'error', error, report: error.message, totalMs: 0 });
        onEnd(null);
      });
      return { cancel() {} };
    });
  }

  /** Main runs the channel again. */
  restore(channel: StreamChannel): void {
    this.openers.delete(channel);
  }

  clear(): void {
    this.openers.clear();
  }
}
