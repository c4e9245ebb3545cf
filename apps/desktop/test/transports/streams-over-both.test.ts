import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_GENERATION_PARAMS,
  parseStreamInput,
  STREAM_IPC_CHANNEL,
  type StreamChannel,
  type SwitchboardBridge,
  type SwitchboardStreams,
} from '@switchboard/shared';
import { DEFAULT_MASTER_KEY } from '../../../../packages/test-servers/src/index.js';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/server.js';
import { registerStreamHandler } from '../../src/main/stream-ipc.js';
import { createStreamBridge } from '../../src/preload/stream-bridge.js';
import { bridgeInNode, collectStream } from '../browser-host/bridge-in-node.js';
import { electronPort, FakeIpcMain, FakeWebContents } from '../main/fake-electron.js';
import { startContractFixture, within, type ContractFixture } from './contract-fixture.js';

const TOKEN = 'stream-transports-token-0123';
let fixture: ContractFixture;
let host: BrowserHost;
const logged: string[] = [];
/** The signal core was handed for each stream, in order: where a cancel must arrive. */
let signals: AbortSignal[] = [];

/** core's streams, with the signal of each call kept: the transports' only way to stop core. */
function observed(streams: SwitchboardStreams): SwitchboardStreams {
  const watch =
    <A>(open: (input: A, signal: AbortSignal) => AsyncIterable<never>) =>
    (input: A, signal: AbortSignal) => {
      signals.push(signal);
      return open(input, signal);
    };
  return {
    'playground:generate': watch(streams['playground:generate'] as never),
    'models:check': watch(streams['models:check'] as never),
    'connection:diagnose': watch(streams['connection:diagnose'] as never),
  } as SwitchboardStreams;
}

/** Electron's transport end to end: the preload's bridge, a real MessageChannel, main's handler; the IPC hop is a structured clone. */
function overIpc(streams: SwitchboardStreams): Pick<SwitchboardBridge, 'stream'> {
  const ipc = new FakeIpcMain();
  const page = new FakeWebContents('file:///switchboard/index.html');
  registerStreamHandler(ipc, streams, () => true, (line) => logged.push(line));
  const stream = createStreamBridge((request, port) => {
    ipc.emit(STREAM_IPC_CHANNEL, { sender: page, senderFrame: page.mainFrame, ports: [electronPort(port as never)] }, structuredClone(request));
  });
  return { stream };
}

const transports: Array<[string, () => Pick<SwitchboardBridge, 'stream'>]> = [
  ['Electron IPC', () => overIpc(observed(fixture.streams))],
  ['the browser host', () => bridgeInNode(`http://127.0.0.1:${host.port}`, TOKEN)],
];

beforeAll(async () => {
  fixture = await startContractFixture();
  host = await startBrowserHost({ api: fixture.api, streams: observed(fixture.streams), rendererDir: '/nonexistent', token: TOKEN, port: 0, log: (line) => logged.push(line) });
  const saved = await fixture.api['litellm:set-config']({ url: fixture.litellm.url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: 'gpt-4o' });
  expect(saved.ok).toBe(true);
});
afterAll(async () => {
  await host?.close();
  await fixture?.close();
});
beforeEach(() => {
  signals = [];
  fixture.litellm.update({ stream: {}, replyTokens: undefined });
});

const generate = { instanceId: 'litellm', modelId: 'gpt-4o', system: 'Be brief.', prompt: 'Say hello.', params: DEFAULT_GENERATION_PARAMS, stream: true };
const check = { instanceId: 'litellm', modelIds: ['gpt-4o', 'claude-3-5-sonnet', 'no-such-model'] };
const inputs: Record<StreamChannel, unknown> = {
  'playground:generate': generate,
  'models:check': check,
  // The saved proxy's address, known once the fixture has started; the page always sends the URL in the form.
  get 'connection:diagnose'() {
    return { platform: 'litellm', url: fixture.litellm.url, key: { mode: 'stored' } };
  },
};

/** Times differ from run to run; everything else an event says must not. */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, field: unknown) => {
    if (/^ms$|Ms$|At$/.test(key) && typeof field === 'number') return 'a time';
    // A diagnosis report says each step's time in its text.
    return typeof field === 'string' ? field.replace(/\b\d+ ms\b/g, 'N ms') : field;
  });
}

/** A check's models finish in any order; compared by model. */
function inOrderOfModel(events: unknown[]): unknown[] {
  return [...events].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function run(bridge: Pick<SwitchboardBridge, 'stream'>, channel: StreamChannel, input: unknown) {
  const stream = collectStream(bridge as SwitchboardBridge, channel, input);
  const end = await within(10_000, channel, stream.ended);
  return { end, events: stream.events };
}

describe('every stream channel over both transports', () => {
  it.each(Object.keys(inputs) as StreamChannel[])('%s: both transports carry the same events from core, ending with its final one', async (channel) => {
    const [ipc, http] = await Promise.all(transports.map(([, open]) => run(open(), channel, inputs[channel])));
    expect(ipc?.end).toBeNull();
    expect(http?.end).toBeNull();
    const ipcEvents = channel === 'models:check' ? inOrderOfModel(ipc?.events ?? []) : (ipc?.events ?? []);
    const httpEvents = channel === 'models:check' ? inOrderOfModel(http?.events ?? []) : (http?.events ?? []);
    expect(withoutTimes(httpEvents)).toEqual(withoutTimes(ipcEvents));
    expect((ipc?.events.at(-1) as { type: string }).type).toBe('done');
    expect(ipc?.events.length).toBeGreaterThan(1);
  });

  it.each(transports)("%s: cancel reaches core's signal and closes the upstream request", async (_name, open) => {
    fixture.litellm.update({ stream: { tokenDelayMs: 40 }, replyTokens: 200 });
    const aborted = fixture.litellm.abortedStreams;
    const stream = collectStream(open() as SwitchboardBridge, 'playground:generate', generate);
    await expect.poll(() => stream.events.some((event) => (event as { type: string }).type === 'delta')).toBe(true);
    stream.handle.cancel();
    expect(await stream.ended).toBeNull();
    await expect.poll(() => signals.at(-1)?.aborted).toBe(true);
    await expect.poll(() => fixture.litellm.abortedStreams).toBe(aborted + 1);
  });

  const refused: Array<[string, StreamChannel, unknown]> = [
    ['an empty prompt', 'playground:generate', { ...generate, prompt: '  ' }],
    ['a temperature of 9', 'playground:generate', { ...generate, params: { ...DEFAULT_GENERATION_PARAMS, temperature: 9 } }],
    ['no model', 'playground:generate', { ...generate, modelId: '' }],
    ['a malformed instance', 'playground:generate', { ...generate, instanceId: 'custom:../../etc' }],
    ['no input at all', 'playground:generate', undefined],
    ['no models to check', 'models:check', { instanceId: 'litellm', modelIds: [] }],
    ['501 models to check', 'models:check', { instanceId: 'litellm', modelIds: Array.from({ length: 501 }, (_, index) => `m${index}`) }],
  ];

  it.each(refused)('%s gets the same refusal sentence from both, and core is never called', async (_what, channel, input) => {
    let expected = '';
    try {
      parseStreamInput(channel, input);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(new RegExp(`^Invalid input for ${channel}: `));
    for (const [, open] of transports) {
      const { end, events } = await run(open(), channel, input);
      expect(end).toBe(expected);
      expect(events).toEqual([]);
    }
    expect(signals).toEqual([]);
  });

  it('logs nothing on the way', () => {
    expect(logged).toEqual([]);
  });
});
