import type { MessagePort as NodeMessagePort } from 'node:worker_threads';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, STREAM_IPC_CHANNEL, streamChannels, type StreamPortMessage, type SwitchboardBridge } from '@switchboard/shared';

const electron = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  postMessage: vi.fn<(channel: string, message: unknown, transfer?: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: electron.invoke,
    postMessage: electron.postMessage,
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    on: () => {
      throw new Error('the preload must not listen to ipcRenderer');
    },
  },
}));

await import('../../src/preload/index.js');

function exposedBridge(): SwitchboardBridge {
  const [entry] = electron.exposed;
  if (!entry) throw new Error('nothing was exposed');
  return entry[1] as SwitchboardBridge;
}

/** Calls the bridge as the page can: with any channel string and any arguments. */
function callAsPage(channel: unknown, ...args: unknown[]): Promise<unknown> {
  return (exposedBridge().invoke as (...all: unknown[]) => Promise<unknown>)(channel, ...args);
}

beforeEach(() => {
  electron.postMessage.mockReset();
  electron.invoke.mockReset();
  electron.invoke.mockImplementation(async (channel) => ({ from: 'main', channel }));
});

describe('preload', () => {
  it('exposes exactly one thing, window.switchboard, with only invoke and stream', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['switchboard']);
    const bridge = exposedBridge();
    expect(Reflect.ownKeys(bridge)).toEqual(['invoke', 'stream']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.stream).toBe('function');
  });

  it.each(channels)('forwards %s to ipcRenderer.invoke with the same input and returns its answer', async (channel) => {
    const input = { url: 'http://localhost:4000', key: { mode: 'none' } };
    await expect(callAsPage(channel, input)).resolves.toEqual({ from: 'main', channel });
    expect(electron.invoke.mock.calls).toEqual([[channel, input]]);
    expect(electron.invoke.mock.calls[0]?.[1]).toBe(input);
  });

  it('forwards a channel called without input', async () => {
    await exposedBridge().invoke('litellm:get-config');
    expect(electron.invoke.mock.calls).toEqual([['litellm:get-config', undefined]]);
  });

  it('passes on a rejection from main', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('Invalid input for litellm:set-config'));
    await expect(callAsPage('litellm:set-config', {})).rejects.toThrow('Invalid input for litellm:set-config');
  });

  it('sends no extra arguments the page adds', async () => {
    await callAsPage('litellm:get-config', undefined, 'extra', { more: true });
    expect(electron.invoke.mock.calls).toEqual([['litellm:get-config', undefined]]);
  });

  it.each(['evil:channel', 'electron-store-get-data', 'toString', '__proto__', 'constructor', '', 42, null, { toString: () => 'litellm:get-config' }])(
    'rejects %o without calling ipcRenderer',
    async (channel) => {
      await expect(callAsPage(channel, {})).rejects.toThrow(/has no channel/);
      expect(electron.invoke).not.toHaveBeenCalled();
    },
  );
});

/** What the page sees of one stream: its events and its end, in order. */
function pageStream(channel: unknown, input: unknown = { prompt: 'hi' }) {
  const seen: unknown[] = [];
  const handle = (exposedBridge().stream as (...all: unknown[]) => { cancel(): void })(
    channel,
    input,
    (event: unknown) => seen.push({ event }),
    (error: string | null) => seen.push({ end: error }),
  );
  return { seen, handle };
}

/** Main's end of the stream the preload just opened: the port it was sent, as main holds it. */
function mainEnd(): { request: unknown; port: NodeMessagePort; received: unknown[] } {
  expect(electron.postMessage).toHaveBeenCalledTimes(1);
  const [channel, request, ports] = electron.postMessage.mock.calls[0] ?? [];
  expect(channel).toBe(STREAM_IPC_CHANNEL);
  expect(ports).toHaveLength(1);
  const port = (ports as NodeMessagePort[])[0] as NodeMessagePort;
  const received: unknown[] = [];
  port.on('message', (message: unknown) => received.push(message));
  return { request, port, received };
}

const send = (port: NodeMessagePort, message: StreamPortMessage) => port.postMessage(message);

describe('preload stream', () => {
  it.each(streamChannels)('sends %s to main once, with its input and one port of a fresh channel', (channel) => {
    const input = { instanceId: 'litellm', modelIds: ['gpt-4o'] };
    pageStream(channel, input);
    const { request, port } = mainEnd();
    expect(request).toEqual({ channel, input });
    port.close();
  });

  it("hands the page main's events in order, then ends once and stops listening", async () => {
    const { seen } = pageStream('playground:generate');
    const { port } = mainEnd();
    send(port, { type: 'event', event: { type: 'delta', text: 'Hel' } });
    send(port, { type: 'event', event: { type: 'delta', text: 'lo' } });
    send(port, { type: 'end', error: null });
    send(port, { type: 'event', event: { type: 'delta', text: 'after the end' } });
    send(port, { type: 'end', error: 'a second end' });
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([{ event: { type: 'delta', text: 'Hel' } }, { event: { type: 'delta', text: 'lo' } }, { end: null }]);
  });

  it("passes on main's refusal sentence as the end", async () => {
    const { seen } = pageStream('playground:generate');
    send(mainEnd().port, { type: 'end', error: 'Invalid input for playground:generate: Type a prompt first. (at prompt)' });
    await vi.waitFor(() => expect(seen).toEqual([{ end: 'Invalid input for playground:generate: Type a prompt first. (at prompt)' }]));
  });

  it('cancel tells main, ends at once, and drops whatever main still sends', async () => {
    const { seen, handle } = pageStream('playground:generate');
    const main = mainEnd();
    handle.cancel();
    handle.cancel();
    expect(seen).toEqual([{ end: null }]);
    await vi.waitFor(() => expect(main.received).toEqual([{ type: 'cancel' }]));
    send(main.port, { type: 'event', event: { type: 'delta', text: 'late' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([{ end: null }]);
  });

  it.each(['litellm:get-config', 'evil:channel', '__proto__', 42, null])('ends %o with a sentence without sending anything to main', async (channel) => {
    const { seen } = pageStream(channel);
    await vi.waitFor(() => expect(seen).toEqual([{ end: expect.stringMatching(/^Switchboard has no stream channel/) }]));
    expect(electron.postMessage).not.toHaveBeenCalled();
  });

  it('ends with a sentence when the input cannot be sent to main', async () => {
    electron.postMessage.mockImplementationOnce(() => {
      throw new DOMException('function () {} could not be cloned.', 'DataCloneError');
    });
    const { seen } = pageStream('playground:generate', { prompt: () => 'not data' });
    await vi.waitFor(() =>
      expect(seen).toEqual([{ end: 'Switchboard could not send the playground:generate request: function () {} could not be cloned.' }]),
    );
  });

  it('refuses a call without its callbacks', () => {
    expect(() => (exposedBridge().stream as (...all: unknown[]) => unknown)('playground:generate', {}, 'not a function', () => undefined)).toThrow(TypeError);
    expect(electron.postMessage).not.toHaveBeenCalled();
  });
});
