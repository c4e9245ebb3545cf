import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  parseStreamInput,
  STREAM_IPC_CHANNEL,
  type GenerateEvent,
  type StreamPortMessage,
  type SwitchboardStreams,
} from '@switchboard/shared';
import { registerStreamHandler } from '../../src/main/stream-ipc.js';
import { isTrustedSender } from '../../src/main/trusted-sender.js';
import { electronPort, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron.js';

const APP_URL = 'file:///opt/switchboard/out/renderer/index.html';
const PROMPT = 'my private prompt sk-stream-ipc-secret-77';
const input = { instanceId: 'litellm', modelId: 'gpt-4o', system: '', prompt: PROMPT, params: { temperature: null, topP: null, maxOutputTokens: null, stop: [], reasoningEffort: null, responseFormat: { type: 'text' } }, stream: true };
const done: GenerateEvent = { type: 'done', ending: 'complete', finishReason: 'stop', answeredBy: 'gpt-4o', firstTokenMs: 1, totalMs: 2, callId: null, responseCost: null };

/** core's stream functions as far as main can tell: they record what they were handed and yield the test's events. */
function scriptedStreams(script: { events: unknown[]; hang?: boolean }) {
  const calls: Array<{ channel: string; input: unknown; signal: AbortSignal }> = [];
  const stream = (channel: string) =>
    async function* (given: unknown, signal: AbortSignal) {
      calls.push({ channel, input: given, signal });
      for (const event of script.events) yield event as never;
      if (script.hang) await new Promise((resolve) => signal.addEventListener('abort', resolve));
    };
  const streams = { 'playground:generate': stream('playground:generate'), 'models:check': stream('models:check') } as unknown as SwitchboardStreams;
  return { streams, calls };
}

/** The page's end of one stream: what came on it, in order, and whether it was closed. */
function pageEnd(port: MessagePort) {
  const received: StreamPortMessage[] = [];
  let closed = false;
  port.on('message', (message: StreamPortMessage) => received.push(message));
  port.on('close', () => (closed = true));
  return { received, closed: () => closed, port };
}

describe('registerStreamHandler', () => {
  let ipc: FakeIpcMain;
  let own: FakeWebContents;
  let logged: string[];
  let script: { events: unknown[]; hang?: boolean };
  let calls: ReturnType<typeof scriptedStreams>['calls'];
  let consoleSpies: Array<ReturnType<typeof vi.spyOn>>;

  beforeEach(() => {
    ipc = new FakeIpcMain();
    own = new FakeWebContents(APP_URL);
    logged = [];
    script = { events: [] };
    const scripted = scriptedStreams(script);
    calls = scripted.calls;
    registerStreamHandler(ipc, scripted.streams, (event) => isTrustedSender(event, { webContents: own }, APP_URL), (line) => logged.push(line));
    consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => undefined));
  });

  afterEach(() => {
    // Whatever happened, no prompt reached a log.
    expect(JSON.stringify(logged)).not.toContain(PROMPT);
    for (const spy of consoleSpies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(PROMPT);
      spy.mockRestore();
    }
  });

  /** Sends a stream request as the preload does: the request and one end of a fresh channel. */
  function open(request: unknown, options: { from?: FakeWebContents; frame?: FakeFrame | null; ports?: number } = {}) {
    const from = options.from ?? own;
    const channels = Array.from({ length: options.ports ?? 1 }, () => new MessageChannel());
    ipc.emit(STREAM_IPC_CHANNEL, { sender: from, senderFrame: options.frame === undefined ? from.mainFrame : options.frame, ports: channels.map(({ port2 }) => electronPort(port2)) }, request);
    return channels.map(({ port1 }) => pageEnd(port1));
  }

  const ended = async (page: ReturnType<typeof pageEnd>) => {
    await expect.poll(() => page.received.some((message) => message.type === 'end')).toBe(true);
    return page.received;
  };

  it('listens on its one channel and answers nothing through ipcMain.handle', () => {
    expect([...ipc.listeners.keys()]).toEqual([STREAM_IPC_CHANNEL]);
    expect(ipc.handleCalls).toEqual([]);
  });

  it('hands core the parsed input and carries its events, then ends and closes the port', async () => {
    script.events = [{ type: 'delta', text: 'Hello' }, done];
    const [page] = open({ channel: 'playground:generate', input: { ...input, unexpected: 'dropped by the schema' } });
    expect(await ended(page!)).toEqual([
      { type: 'event', event: { type: 'delta', text: 'Hello' } },
      { type: 'event', event: done },
      { type: 'end', error: null },
    ]);
    expect(calls).toEqual([{ channel: 'playground:generate', input: parseStreamInput('playground:generate', input), signal: expect.any(AbortSignal) }]);
    await expect.poll(() => page!.closed()).toBe(true);
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('refuses a message from another window on the port, without calling core', async () => {
    const [page] = open({ channel: 'playground:generate', input }, { from: new FakeWebContents(APP_URL) });
    expect(await ended(page!)).toEqual([{ type: 'end', error: "Switchboard refused the stream: it did not come from Switchboard's own window." }]);
    expect(calls).toEqual([]);
    expect(logged).toEqual([`Switchboard refused a stream from ${APP_URL}: not the app's own window.`]);
  });

  it('refuses a message from a frame inside the app window', async () => {
    const [page] = open({ channel: 'playground:generate', input }, { frame: new FakeFrame('https://evil.example/') });
    expect((await ended(page!))[0]).toEqual({ type: 'end', error: expect.stringMatching(/refused the stream/) });
    expect(calls).toEqual([]);
  });

  it.each([['litellm:get-config'], ['__proto__'], ['toString'], [42], [undefined]])('refuses %o, which is not a stream channel', async (channel) => {
    const [page] = open({ channel, input });
    expect(await ended(page!)).toEqual([{ type: 'end', error: expect.stringMatching(/^Switchboard has no stream channel/) }]);
    expect(calls).toEqual([]);
  });

  it.each([null, 'playground:generate', []])('refuses a request shaped as %o', async (request) => {
    const [page] = open(request);
    expect((await ended(page!))[0]).toEqual({ type: 'end', error: expect.stringMatching(/no stream channel/) });
  });

  it('refuses an input that does not fit with the contract sentence, never echoing the prompt', async () => {
    const bad = { ...input, modelId: '', params: { ...input.params, temperature: 9 } };
    const [page] = open({ channel: 'playground:generate', input: bad });
    let expected = '';
    try {
      parseStreamInput('playground:generate', bad);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(await ended(page!)).toEqual([{ type: 'end', error: expected }]);
    expect(expected).toMatch(/^Invalid input for playground:generate: /);
    expect(expected).not.toContain(PROMPT);
    expect(calls).toEqual([]);
  });

  it('turns an event that does not fit the contract into an error event with a sentence', async () => {
    script.events = [{ type: 'delta', text: 'ok' }, { type: 'delta', text: { html: PROMPT } }, done];
    const [page] = open({ channel: 'playground:generate', input });
    const received = await ended(page!);
    expect(received).toHaveLength(3);
    expect(received[1]).toEqual({ type: 'event', event: { type: 'error', error: { kind: 'bad-response', message: expect.stringMatching(/did not understand/) }, totalMs: expect.any(Number) } });
    expect(JSON.stringify(received)).not.toContain(PROMPT);
  });

  const stoppers: Array<[string, (page: ReturnType<typeof pageEnd>) => void]> = [
    ['the page cancels', (page) => page.port.postMessage({ type: 'cancel' })],
    ["the page's port closes", (page) => page.port.close()],
    ['the window goes away', () => own.emit('destroyed')],
  ];

  it.each(stoppers)("aborts core's signal when %s, and sends nothing more", async (_when, stop) => {
    script.events = [{ type: 'delta', text: 'partial' }];
    script.hang = true;
    const [page] = open({ channel: 'playground:generate', input });
    await expect.poll(() => page!.received.length).toBe(1);
    stop(page!);
    await expect.poll(() => calls[0]?.signal.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page!.received).toEqual([{ type: 'event', event: { type: 'delta', text: 'partial' } }]);
    expect(own.listenerCount('destroyed')).toBe(0);
  });

  it('ignores a request without a port, and closes any port beyond the first', async () => {
    expect(() => open({ channel: 'playground:generate', input }, { ports: 0 })).not.toThrow();
    expect(logged).toEqual([expect.stringMatching(/came without a port/)]);
    script.events = [done];
    const [first, second] = open({ channel: 'playground:generate', input }, { ports: 2 });
    await ended(first!);
    await expect.poll(() => second!.closed()).toBe(true);
    expect(second!.received).toEqual([]);
  });
});
