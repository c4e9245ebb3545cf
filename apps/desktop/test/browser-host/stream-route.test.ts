import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, createBackend } from '@switchboard/core';
import { contentSecurityPolicy, parseStreamInput, type GenerateEvent, type SwitchboardStreams } from '@switchboard/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../packages/core/test/support/memory-secret-store.js';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/server.js';
import { bridgeInNode, collectStream } from './bridge-in-node.js';

const TOKEN = 'stream-token-0123456789';
const PROMPT = 'a private prompt sk-stream-route-secret-99';
const input = { instanceId: 'litellm', modelId: 'gpt-4o', system: '', prompt: PROMPT, params: { temperature: null, topP: null, maxOutputTokens: null, stop: [], reasoningEffort: null, responseFormat: { type: 'text' } }, stream: true };
const done: GenerateEvent = { type: 'done', ending: 'complete', finishReason: 'stop', answeredBy: 'gpt-4o', firstTokenMs: 1, totalMs: 2, callId: null, responseCost: null };

/**
 * What core's stream function does, as far as the host can tell: it is
 * handed the input and a signal, and yields what the test scripts, one
 * event per `next` of the gate when `gated`, forever when `endless`.
 */
interface Script {
  events: unknown[];
  gated?: boolean;
  /** Yielded again and again once the events run out. */
  endless?: unknown;
}
let script: Script;
let calls: Array<{ input: unknown; signal: AbortSignal; pulled: number }>;
let gate: Array<() => void>;

const scripted = async function* (given: unknown, signal: AbortSignal) {
  const call = { input: given, signal, pulled: 0 };
  calls.push(call);
  const events = [...script.events];
  while (!signal.aborted) {
    if (script.gated) await new Promise<void>((resolve) => gate.push(resolve));
    const next = events.shift() ?? script.endless;
    if (next === undefined) {
      // Stays open until the reader goes: a silent upstream.
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return;
    }
    call.pulled += 1;
    yield next as never;
  }
};
const streams = { 'playground:generate': scripted, 'models:check': scripted } as unknown as SwitchboardStreams;

let host: BrowserHost;
const logged: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-host-stream-'));
  host = await startBrowserHost({
    api: createApi({ userDataDir: join(dir, 'data'), secrets: memorySecretStore() }),
    streams,
    rendererDir: join(dir, 'renderer'),
    token: TOKEN,
    port: 0,
    log: (line) => logged.push(line),
    maxStreamBodyBytes: 256 * 1024,
    streamDrainTimeoutMs: 500,
  });
});
afterAll(() => host.close());
beforeEach(() => {
  script = { events: [] };
  calls = [];
  gate = [];
});

const ownHost = () => `127.0.0.1:${host.port}`;
const origin = () => `http://${ownHost()}`;

/** node:http, because fetch will not let a test forge Host or Origin, and to read (or not read) the body at will. */
function post(path: string, headers: Record<string, string>, body: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const call = httpRequest({ host: '127.0.0.1', port: host.port, method: 'POST', path, headers: { host: ownHost(), 'content-type': 'application/json', 'x-switchboard-token': TOKEN, ...headers } }, resolve);
    call.on('error', reject);
    call.end(body);
  });
}

async function textOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const streamPath = (channel = 'playground:generate') => `/api/stream/${encodeURIComponent(channel)}`;
const envelope = (value: unknown = input) => JSON.stringify({ input: value });

describe('POST /api/stream/<channel>', () => {
  it('answers 200 NDJSON, one event per line, with no-store and the security headers, handing core the parsed input', async () => {
    script.events = [{ type: 'delta', text: 'Hel' }, { type: 'delta', text: 'lo\nthere' }, done];
    const response = await post(streamPath(), {}, envelope({ ...input, unexpected: 'dropped' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy());
    const lines = (await textOf(response)).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(script.events);
    expect(calls.map((call) => call.input)).toEqual([parseStreamInput('playground:generate', input)]);
  });

  it('flushes each event as it is produced, not at the end', async () => {
    script = { events: [{ type: 'delta', text: 'first' }, done], gated: true };
    const response = await post(streamPath(), {}, envelope());
    await expect.poll(() => gate.length).toBe(1);
    gate.shift()?.();
    const first = await new Promise<string>((resolve) => response.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    expect(JSON.parse(first)).toEqual({ type: 'delta', text: 'first' });
    // The answer is still open: core has not been asked for the next event yet.
    expect(calls[0]?.pulled).toBe(1);
    await expect.poll(() => gate.length).toBe(1);
    gate.shift()?.();
    expect(await textOf(response)).toBe(`${JSON.stringify(done)}\n`);
  });

  type Refusal = [string, () => Promise<IncomingMessage>, number, RegExp];
  const refusals: Refusal[] = [
    ['GET', () => new Promise((resolve) => httpRequest({ host: '127.0.0.1', port: host.port, path: streamPath(), headers: { host: ownHost() } }, resolve).end()), 405, /Use POST/],
    ['no token', () => post(streamPath(), { 'x-switchboard-token': '' }, envelope()), 401, /access token/],
    ['a foreign origin', () => post(streamPath(), { origin: 'https://evil.example' }, envelope()), 403, /other sites/],
    ['a rebinding Host', () => post(streamPath(), { host: `evil.example:${host.port}` }, envelope()), 403, /Host/],
    ['a form body', () => post(streamPath(), { 'content-type': 'application/x-www-form-urlencoded' }, 'input=1'), 415, /JSON/],
    ['a request/answer channel', () => post(streamPath('litellm:get-config'), {}, envelope()), 404, /no stream channel "litellm:get-config"/],
    ['an object property as channel', () => post(streamPath('__proto__'), {}, envelope()), 404, /no stream channel/],
    ['a body that is not JSON', () => post(streamPath(), {}, '{"input":'), 400, /not JSON/],
    ['a body over the cap', () => post(streamPath(), {}, envelope({ ...input, prompt: 'x'.repeat(300 * 1024) })), 413, /larger than 256 KiB/],
  ];

  it.each(refusals)('refuses %s with a sentence, before core is called', async (_what, send, status, says) => {
    const response = await send();
    expect(response.statusCode).toBe(status);
    const body = JSON.parse(await textOf(response)) as { error: string };
    expect(body.error).toMatch(says);
    expect(calls).toEqual([]);
  });

  it('refuses an input that does not fit with the contract sentence, never echoing the prompt', async () => {
    const bad = { ...input, modelId: '', params: { ...input.params, topP: 3 } };
    const response = await post(streamPath(), {}, envelope(bad));
    expect(response.statusCode).toBe(400);
    const { error } = JSON.parse(await textOf(response)) as { error: string };
    expect(() => parseStreamInput('playground:generate', bad)).toThrow(error);
    expect(error).toMatch(/^Invalid input for playground:generate: /);
    expect(error).not.toContain(PROMPT);
    expect(calls).toEqual([]);
  });

  it("aborts core's signal when the reader disconnects mid-stream", async () => {
    script.events = [{ type: 'delta', text: 'partial' }];
    const response = await post(streamPath(), {}, envelope());
    await new Promise((resolve) => response.once('data', resolve));
    response.destroy();
    await expect.poll(() => calls[0]?.signal.aborted).toBe(true);
  });

  it('stops pulling from core while the reader does not read, then cuts the reader off and aborts core', async () => {
    // Usage events carry no text, so no text limit ends this stream: only the reader's pace can hold it.
    script.endless = { type: 'usage', promptTokens: 1, completionTokens: 2, totalTokens: 3, reasoningTokens: null };
    const response = await post(streamPath(), {}, envelope());
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stalledAt = calls[0]?.pulled ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls[0]?.pulled).toBe(stalledAt);
    expect(calls[0]?.signal.aborted).toBe(false);
    // The drain deadline (500 ms here) cuts the silent reader off, and core's upstream with it.
    await expect.poll(() => calls[0]?.signal.aborted, { timeout: 5_000 }).toBe(true);
    response.destroy();
  });

  it('carries 50 streams at once, each its own events to its own reader', async () => {
    script.events = [{ type: 'delta', text: 'same' }, done];
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(streamPath(), {}, envelope()).then(textOf)));
    expect(new Set(answers)).toEqual(new Set([`${JSON.stringify(script.events[0])}\n${JSON.stringify(done)}\n`]));
    expect(calls).toHaveLength(50);
  });

  it("outlasts the host's deadline for receiving a request: that deadline ends with the request, not the answer", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-host-stream-long-'));
    const strict = await startBrowserHost({ ...createBackend({ userDataDir: dir, secrets: memorySecretStore() }), streams, rendererDir: dir, token: TOKEN, port: 0, headersTimeoutMs: 200, requestTimeoutMs: 300 });
    try {
      script = { events: [{ type: 'delta', text: 'slow' }, done], gated: true };
      const answer = bridgeInNode(`http://127.0.0.1:${strict.port}`, TOKEN);
      const stream = collectStream(answer, 'playground:generate', input);
      await expect.poll(() => gate.length).toBe(1);
      gate.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      gate.shift()?.();
      expect(await stream.ended).toBeNull();
      expect(stream.events).toEqual(script.events);
    } finally {
      await strict.close();
    }
  });

  it('never logs the input or the events', () => {
    expect(JSON.stringify(logged)).not.toContain(PROMPT);
  });
});

describe("the bridge script's stream, against the host", () => {
  it('hands the page each event as sent, then ends with no error', async () => {
    script.events = [{ type: 'delta', text: 'Hi' }, { type: 'delta', text: ' ✓ 🙂' }, done];
    const stream = collectStream(bridgeInNode(origin(), TOKEN), 'playground:generate', input);
    expect(await stream.ended).toBeNull();
    expect(stream.events).toEqual(script.events);
  });

  it("ends with the host's refusal sentence", async () => {
    const stream = collectStream(bridgeInNode(origin(), TOKEN), 'playground:generate', { ...input, prompt: '   ' });
    expect(await stream.ended).toMatch(/^Invalid input for playground:generate: Type a prompt first/);
    expect(stream.events).toEqual([]);
  });

  it('ends with a sentence without a token, sending nothing', async () => {
    const stream = collectStream(bridgeInNode(origin(), null), 'playground:generate', input);
    expect(await stream.ended).toMatch(/no access token/);
    expect(calls).toEqual([]);
  });

  it("cancel ends at once and aborts core's signal through the host", async () => {
    script.events = [{ type: 'delta', text: 'partial' }];
    const stream = collectStream(bridgeInNode(origin(), TOKEN), 'playground:generate', input);
    await expect.poll(() => stream.events.length).toBe(1);
    stream.handle.cancel();
    expect(await stream.ended).toBeNull();
    await expect.poll(() => calls[0]?.signal.aborted).toBe(true);
  });

  it('ends with a sentence when the connection breaks mid-stream', async () => {
    script.events = [{ type: 'delta', text: 'partial' }];
    const stream = collectStream(bridgeInNode(origin(), TOKEN), 'playground:generate', input);
    await expect.poll(() => stream.events.length).toBe(1);
    host.server.closeAllConnections();
    expect(await stream.ended).toMatch(/^The connection to the Switchboard host broke/);
  });
});
