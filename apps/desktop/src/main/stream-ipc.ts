import {
  ContractInputError,
  isStreamChannel,
  parseStreamInput,
  pumpStream,
  STREAM_IPC_CHANNEL,
  type StreamChannel,
  type StreamEvent,
  type StreamPortMessage,
  type SwitchboardStreams,
} from '@switchboard/shared';
import type { RefusalLog, SenderCheck } from './ipc.js';
import { senderUrl, type SenderEvent } from './trusted-sender.js';

/** The parts of Electron's MessagePortMain a stream uses. */
interface StreamPort {
  postMessage(message: StreamPortMessage): void;
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** The parts of Electron's IpcMainEvent a stream request uses: who sent it, and the port it came with. */
export interface StreamRequestEvent extends SenderEvent {
  readonly sender: SenderEvent['sender'] & {
    once(event: 'destroyed', listener: () => void): unknown;
    removeListener(event: 'destroyed', listener: () => void): unknown;
  };
  readonly ports: readonly StreamPort[];
}

/** The part of Electron's ipcMain the stream listens with. */
export interface StreamIpcMain {
  on(channel: string, listener: (event: StreamRequestEvent, message: unknown) => void): unknown;
}

function post(port: StreamPort, message: StreamPortMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // A port whose page is gone takes nothing more; the stream is being stopped already.
  }
}

function refuse(port: StreamPort, error: string): void {
  post(port, { type: 'end', error });
  port.close();
}

function requestOf(message: unknown): { channel: unknown; input: unknown } {
  if (typeof message !== 'object' || message === null) return { channel: undefined, input: undefined };
  return { channel: (message as { channel?: unknown }).channel, input: (message as { input?: unknown }).input };
}

function isCancel(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'cancel';
}

/**
 * One stream, from its checked input to its last event: stopped when the
 * page cancels, when its port closes, or when its window goes away, and in
 * each case core's signal is aborted so the upstream request closes too.
 */
function run(event: StreamRequestEvent, port: StreamPort, streams: SwitchboardStreams, channel: StreamChannel, input: unknown, log: RefusalLog) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  port.on('message', ({ data }) => {
    if (isCancel(data)) stop();
  });
  port.on('close', stop);
  event.sender.once('destroyed', stop);
  port.start();
  // parseStreamInput has just checked `input` against this very channel's schema.
  const open = streams[channel] as (input: unknown, signal: AbortSignal) => AsyncIterable<StreamEvent<typeof channel>>;
  void pumpStream(channel, (signal) => open(input, signal), (sent) => post(port, { type: 'event', event: sent }), {
    signal: controller.signal,
    log,
  }).then((end) => {
    event.sender.removeListener('destroyed', stop);
    if (end === 'ended') post(port, { type: 'end', error: null });
    port.close();
  });
}

/**
 * Answers stream requests: each comes on {@link STREAM_IPC_CHANNEL} with a
 * MessagePort, and every answer goes back on that port. A foreign sender, a
 * channel that is not a stream channel and an input that does not fit are
 * refused on the port with a sentence. Inputs and events are never logged:
 * they carry prompts, proxy URLs and answers.
 */
export function registerStreamHandler(
  ipcMain: StreamIpcMain,
  streams: SwitchboardStreams,
  isTrustedSender: SenderCheck,
  log: RefusalLog = (message) => console.warn(message),
): void {
  ipcMain.on(STREAM_IPC_CHANNEL, (event: StreamRequestEvent, message: unknown) => {
    const [port, ...extra] = event.ports;
    for (const unwanted of extra) unwanted.close();
    if (port === undefined) {
      log(`Switchboard ignored a stream request from ${senderUrl(event)}: it came without a port to answer on.`);
      return;
    }
    if (!isTrustedSender(event)) {
      log(`Switchboard refused a stream from ${senderUrl(event)}: not the app's own window.`);
      return refuse(port, "Switchboard refused the stream: it did not come from Switchboard's own window.");
    }
    const { channel, input } = requestOf(message);
    if (!isStreamChannel(channel)) {
      return refuse(port, `Switchboard has no stream channel ${typeof channel === 'string' ? JSON.stringify(channel.slice(0, 80)) : `named by a ${typeof channel}`}.`);
    }
    let parsed: unknown;
    try {
      parsed = parseStreamInput(channel, input);
    } catch (error) {
      if (error instanceof ContractInputError) return refuse(port, error.message);
      log(`Switchboard could not check the input of ${channel}.`);
      return refuse(port, `Switchboard hit an internal error while checking the ${channel} request. Try again.`);
    }
    run(event, port, streams, channel, parsed, log);
  });
}
