import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import type { Channel, ChannelInput, ChannelOutput, ProxyError, StreamChannel, StreamHandle, StreamInput, SwitchboardBridge } from '@switchboard/shared';
import { createBridge } from '../../../src/preload/bridge';
import { track } from './in-flight';
import { StreamOverrides, type StreamOpener } from './stream-overrides';
import type { CachedList, FromCore, KeychainState, MainState, OpencodeChoices, SavedConnection, StreamRequest, ToCore } from './messages';

export interface Call {
  channel: Channel;
  input: unknown;
  /** What the page was answered, once it was. */
  output?: unknown;
}

/** A stream the page opened: its channel and input, the events it was sent, and how it ended once it has. */
export interface StreamCall {
  channel: StreamChannel;
  input: unknown;
  events: unknown[];
  /** undefined while it runs; null when it ended or was cancelled; the transport's sentence when it failed. */
  end?: string | null;
}

export type { StreamOpener } from './stream-overrides';

type Handler<C extends Channel> = (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

// happy-dom's URL cannot point at a file; node:path can.
const BOOT = join(dirname(fileURLToPath(import.meta.url)), 'boot-worker.mjs');

/**
 * The real main process for the renderer tests: core's API object behind
 * main's IPC handler, in a worker thread, reached through the preload's own
 * bridge as `window.switchboard`. The test sets main's state the way a user
 * would have left it (saved connections, stored keys, cached lists) and reads
 * the calls the page made.
 */
export class MainProcess implements SwitchboardBridge {
  calls: Call[] = [];
  streamCalls: StreamCall[] = [];
  private worker: Worker | null = null;
  private state: MainState | null = null;
  private failure: Error | null = null;
  private homeDir: string | null = null;
  private nextId = 0;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private overrides = new Map<Channel, (input: unknown) => Promise<unknown>>();
  private readonly bridge = createBridge(
    (channel, input) => track(this.send({ type: 'invoke', channel: channel as Channel, input })),
    // The preload's own stream half: its port goes to main's stream handler in the worker, as to Electron's main.
    (request, port) => this.postStream(request, port),
  );
  private readonly streamOverrides = new StreamOverrides(
    (channel): StreamOpener =>
      (input, onEvent, onEnd) =>
        this.bridge.stream(channel, input as StreamInput<typeof channel>, onEvent, onEnd),
  );

  /** Starts the worker; once per test file, as loading core takes a second. */
  async start(): Promise<void> {
    const worker = new Worker(BOOT);
    worker.on('message', (answer: FromCore) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.ok) waiting?.resolve(answer.value);
      else waiting?.reject(new Error(answer.message));
    });
    // A worker that died answers nothing more: every call waiting on it, and every later one, fails with the reason.
    const died = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`Main's worker thread stopped (exit code ${code}).`)));
    this.worker = worker;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    worker?.removeAllListeners('exit');
    await worker?.terminate();
  }

  /** A fresh main for one test: empty settings and keychain in a new temp folder. */
  async open(state: MainState): Promise<void> {
    this.calls = [];
    this.streamCalls = [];
    this.overrides.clear();
    this.streamOverrides.clear();
    this.state = state;
    this.homeDir = (await this.send({ type: 'open', state })) as string;
  }

  /** main's home folder for this test (a temp folder): opencode's config is under it. */
  get home(): string {
    if (this.homeDir === null) throw new Error('Main was never opened.');
    return this.homeDir;
  }

  /** Main started again with what differs (notices its stores found, …); settings and keys start empty. */
  async reopen(change: Partial<MainState>): Promise<void> {
    if (!this.state) throw new Error('Main was never opened.');
    await this.open({ ...this.state, ...change });
  }

  close(): Promise<unknown> {
    return this.send({ type: 'close' });
  }

  /** A connection saved earlier, as the settings file keeps it. */
  async save(instanceId: string, saved: SavedConnection): Promise<void> {
    await this.send({ type: 'save', instanceId, saved });
  }

  async storeKey(instanceId: string, key: string | null): Promise<void> {
    await this.send({ type: 'store-key', instanceId, key });
  }

  /** What the keychain holds for an instance now. */
  async storedKey(instanceId: string): Promise<string | null> {
    return (await this.send({ type: 'read-key', instanceId })) as string | null;
  }

  /** Choices made in Settings › opencode in an earlier session. */
  async chooseOpencode(change: OpencodeChoices): Promise<void> {
    await this.send({ type: 'opencode-settings', change });
  }

  /** The list kept from an earlier session. */
  async cache(instanceId: string, list: CachedList): Promise<void> {
    await this.send({ type: 'cache', instanceId, list });
  }

  /** Which server answers which host from now on; a host left out is nothing listening. */
  async route(routes: Record<string, string>): Promise<void> {
    if (this.state) this.state = { ...this.state, routes };
    await this.send({ type: 'routes', routes });
  }

  /** The routes main follows now. */
  routes(): Record<string, string> {
    return { ...this.state?.routes };
  }

  /** The keychain from now on: answering, locked, or no Secret Service at all. */
  async keychain(state: KeychainState): Promise<void> {
    await this.send({ type: 'keychain', state });
  }

  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  invoke<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
    const [value] = input as unknown[];
    const call: Call = { channel, input: value };
    this.calls.push(call);
    const override = this.overrides.get(channel);
    const answer = override ? override(value) : (this.bridge.invoke as (channel: Channel, input: unknown) => Promise<unknown>)(channel, value);
    return answer.then((output) => {
      call.output = output;
      return output as ChannelOutput<C>;
    });
  }

  stream<C extends StreamChannel>(
    channel: C,
    input: StreamInput<C>,
    onEvent: (event: unknown) => void,
    onEnd: (transportError: string | null) => void,
  ): StreamHandle {
    const call: StreamCall = { channel, input, events: [] };
    this.streamCalls.push(call);
    const open: StreamOpener = this.streamOverrides.get(channel) ?? ((given, onEach, onLast) => this.bridge.stream(channel, given as StreamInput<C>, onEach, onLast));
    let ended: () => void = () => {};
    // Test Connection is one answer, as its channel was: the page is at work until the run ends.
    if (channel === 'connection:diagnose' && this.streamOverrides.get(channel) === undefined) void track(new Promise<void>((resolve) => (ended = resolve)));
    return open(
      input,
      (event) => {
        call.events.push(event);
        onEvent(event);
      },
      (error) => {
        call.end = error;
        onEnd(error);
        ended();
      },
    );
  }

  /** The streams the page opened on a channel, in order. */
  streamsTo(channel: StreamChannel): StreamCall[] {
    return this.streamCalls.filter((call) => call.channel === channel);
  }

  /** What the page was answered on a channel, call by call. */
  answersTo<C extends Channel>(channel: C): ChannelOutput<C>[] {
    return this.calls.filter((call) => call.channel === channel && 'output' in call).map((call) => call.output as ChannelOutput<C>);
  }

  /*
   * The hooks below stand in for main on one channel, for the few states the
   * real core cannot be brought to from here: an answer held open (to see what
   * the page shows while it waits), a transport that rejects, an answer that
   * breaks the contract, or a given sentence whose exact words a test needs.
   */

  /** The channel answers `handler` instead of main. */
  override<C extends Channel>(channel: C, handler: Handler<C>): void {
    this.overrides.set(channel, handler as (input: unknown) => Promise<unknown>);
  }

  failWith(channel: Channel, error: ProxyError): void {
    this.overrides.set(channel, async () => ({ ok: false, error }));
  }

  /** The next call of the channel answers this error; main answers the ones after it. */
  failOnce(channel: Channel, error: ProxyError): void {
    this.overrides.set(channel, async () => {
      this.overrides.delete(channel);
      return { ok: false, error };
    });
  }

  /** The stream channel is opened by `opener` instead of main: a transport that breaks, or sends what main never would. */
  overrideStream(channel: StreamChannel, opener: StreamOpener): void {
    this.streamOverrides.set(channel, opener);
  }

  /** The stream channel waits until the returned function is called, then main runs it. */
  holdStream(channel: StreamChannel): () => void {
    return this.streamOverrides.hold(channel);
  }

  /** Test Connection ends with this error at once, as core says it (for a sentence whose exact words a test needs). */
  failDiagnosisWith(error: ProxyError): void {
    this.streamOverrides.failDiagnosisWith(error);
  }

  /** Undoes overrideStream, failDiagnosisWith or holdStream: main runs the stream again. */
  restoreStream(channel: StreamChannel): void {
    this.streamOverrides.restore(channel);
  }

  /** Undoes failWith, reject or hold: main answers the channel again. */
  restore(channel: Channel): void {
    this.overrides.delete(channel);
  }

  /** The call rejects, as a transport error would. */
  reject(channel: Channel, message: string): void {
    this.overrides.set(channel, async () => {
      throw new Error(message);
    });
  }

  /** The channel waits until the returned function is called, then main answers it. */
  hold(channel: Channel): () => void {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.overrides.set(channel, async (input) => {
      await gate;
      this.overrides.delete(channel);
      return (this.bridge.invoke as (channel: Channel, input: unknown) => Promise<unknown>)(channel, input);
    });
    return () => release();
  }

  private postStream(request: { channel: string; input: unknown }, port: MessagePort): void {
    const worker = this.worker;
    if (!worker) throw new Error('Main is not started: call start() in beforeAll.');
    // The port is Node's (happy-dom has no MessageChannel), so it can be handed to the worker.
    const nodePort = port as unknown as NodeMessagePort;
    worker.postMessage({ type: 'stream', request, port: nodePort } satisfies StreamRequest, [nodePort]);
  }

  private send(message: ToCore): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('Main is not started: call start() in beforeAll.'));
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }
}

export function installMain(main: SwitchboardBridge): void {
  Object.defineProperty(window, 'switchboard', { value: main, configurable: true, writable: true });
}
