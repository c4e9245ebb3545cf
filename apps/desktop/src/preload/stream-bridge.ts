import {
  isStreamChannel,
  type StreamCancelMessage,
  type StreamHandle,
  type StreamPortMessage,
  type SwitchboardStreamBridge,
} from '@switchboard/shared';

/** Hands main a stream request with the port its events come back on (ipcRenderer.postMessage). */
export type PostStream = (request: { channel: string; input: unknown }, port: MessagePort) => void;

export function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${typeof channel}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message.replace(/[.\s]+$/, '') : 'it could not be copied';
}

/**
 * `window.switchboard.stream` in Electron: each stream gets its own
 * MessageChannel, one end kept here, the other sent to main with the
 * request. Only stream channels are sent; main answers on the port alone,
 * so the page never reaches another IPC listener. `onEnd` is called once:
 * when main says the stream ended, on cancel, or when the request could not
 * be sent.
 */
export function createStreamBridge(post: PostStream): SwitchboardStreamBridge['stream'] {
  return ((channel: unknown, input: unknown, onEvent: unknown, onEnd: unknown): StreamHandle => {
    if (typeof onEvent !== 'function' || typeof onEnd !== 'function') {
      throw new TypeError('window.switchboard.stream needs an onEvent and an onEnd function.');
    }
    let ended = false;
    let port: MessagePort | null = null;
    const end = (error: string | null) => {
      if (ended) return;
      ended = true;
      if (port) {
        port.onmessage = null;
        port.close();
      }
      onEnd(error);
    };
    const handle: StreamHandle = {
      cancel: () => {
        if (ended) return;
        port?.postMessage({ type: 'cancel' } satisfies StreamCancelMessage);
        end(null);
      },
    };
    if (!isStreamChannel(channel)) {
      queueMicrotask(() => end(`Switchboard has no stream channel ${describeChannel(channel)}.`));
      return handle;
    }
    const { port1, port2 } = new MessageChannel();
    port = port1;
    port1.onmessage = (message: MessageEvent<StreamPortMessage | null>) => {
      const data = message.data;
      if (ended || typeof data !== 'object' || data === null) return;
      if (data.type === 'event') onEvent(data.event);
      else if (data.type === 'end') end(typeof data.error === 'string' ? data.error : null);
    };
    try {
      post({ channel, input }, port2);
    } catch (error) {
      // Nothing reached main (an input that cannot be copied, say): the stream ends here, after the caller has its handle.
      queueMicrotask(() => end(`Switchboard could not send the ${channel} request: ${reasonOf(error)}.`));
    }
    return handle;
  }) as SwitchboardStreamBridge['stream'];
}
