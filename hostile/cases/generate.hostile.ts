import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { DEFAULT_GENERATION_PARAMS, GenerateEventSchema, ModelCapabilitiesSchema, STREAM_LIMITS, type GenerateEvent, type ProxyErrorKind } from '@switchboard/shared';
import { fixturesDir, startStaticServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { generate, resolveCapabilities } from '../../packages/core/src/generate/index.js';
import { pause, startRawUpstream, untilClosed, type Answer, type RawUpstream } from '../../packages/core/test/generate/support/raw-upstream.js';
import { hostileCases, type Probe } from '../support/hostile-cases.js';

const KEY = 'sk-hostile-generate-0123456789';
// The caps are the real ones; the deadlines are short so an endless upstream costs seconds, not minutes.
const LIMITS = { ...STREAM_LIMITS, firstByteTimeoutMs: 1500, stallTimeoutMs: 700, maxDurationMs: 2500 };
/** However the upstream behaves, a generation ends within its longest deadline and a margin. */
const BOUND_MS = LIMITS.maxDurationMs + 2000;

const upstreams: Array<Pick<RawUpstream, 'close'>> = [];
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

const sseHead = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.flushHeaders();
};
const data = (body: unknown) => `data: ${typeof body === 'string' ? body : JSON.stringify(body)}\n\n`;
const delta = (content: unknown, extra: Record<string, unknown> = {}) => data({ model: 'm', choices: [{ index: 0, delta: { content } }], ...extra });
const DONE = 'data: [DONE]\n\n';
/** A stream of these events, then the end of the body. */
const sse = (...events: string[]): Answer => (_request, res) => {
  sseHead(res);
  res.end(events.join(''));
};
const plain = (status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Answer => (_request, res) =>
  void res.writeHead(status, { 'content-type': contentType, ...headers }).end(body);
/** Writes `next()` forever (until the client hangs up), `everyMs` apart. */
const endless = (next: (index: number) => string, everyMs: number): Answer => async (_request, res) => {
  sseHead(res);
  for (let index = 0; !res.destroyed; index += 1) {
    res.write(next(index));
    await pause(everyMs);
  }
};

type Ending = { error: ProxyErrorKind; says?: RegExp } | { done: 'complete' | 'cut-off'; text?: string };

interface LyingUpstream {
  what: string;
  answer: Answer;
  /** A plain request instead of a stream. */
  plainRequest?: boolean;
  ending: Ending;
  /** The connection must be closed by Switchboard (the upstream would have gone on). */
  closesConnection?: boolean;
}

const LIARS: LyingUpstream[] = [
  { what: 'one event of 1 MB of text', answer: sse(delta('x'.repeat(1024 * 1024)), DONE), ending: { error: 'too-large', says: /one (piece of text|event) .*stopped reading/ } },
  {
    what: 'one event that never ends (a data line of 8 MB without a newline, then silence)',
    answer: async (_request, res) => {
      sseHead(res);
      res.write('data: {"choices":[{"delta":{"content":"');
      for (let i = 0; i < 128 && !res.destroyed; i += 1) res.write('y'.repeat(64 * 1024));
      await untilClosed(res);
    },
    ending: { error: 'too-large', says: /one event longer than/ },
    closesConnection: true,
  },
  { what: 'an endless stream of small pieces', answer: endless(() => delta('.'), 20), ending: { error: 'timeout', says: /took longer than 2\.5 s/ }, closesConnection: true },
  { what: 'an endless stream of keep-alive comments and no answer', answer: endless(() => ': OPENROUTER PROCESSING\n\n', 100), ending: { error: 'timeout', says: /took longer than/ }, closesConnection: true },
  { what: 'a slowloris: one byte every 200 ms', answer: endless(() => ' ', 200), ending: { error: 'timeout' }, closesConnection: true },
  {
    what: 'an answer that floods past the total cap',
    answer: endless(() => delta('z'.repeat(60 * 1024)), 0),
    ending: { error: 'too-large', says: /passed 2,097,152 characters/ },
    closesConnection: true,
  },
  { what: 'a chunk of bad JSON', answer: sse(delta('Hi'), data('{"choices":[{"delta":{"content":"oops"'), DONE), ending: { error: 'bad-response', says: /not valid JSON/ } },
  { what: 'a chunk that is JSON null', answer: sse(data('null'), DONE), ending: { error: 'bad-response' } },
  { what: 'content that is a number', answer: sse(delta(42), DONE), ending: { error: 'bad-response', says: /content that is not text/ } },
  { what: 'content that is an object', answer: sse(delta({ text: 'Hi' }), DONE), ending: { error: 'bad-response' } },
  { what: 'a delta that is a string', answer: sse(data({ choices: [{ delta: 'Hi' }] }), DONE), ending: { error: 'bad-response' } },
  { what: 'choices that are an object', answer: sse(data({ choices: { 0: { delta: { content: 'Hi' } } } }), DONE), ending: { error: 'bad-response' } },
  { what: 'reasoning that is a list', answer: sse(data({ choices: [{ delta: { reasoning_content: ['a'] } }] }), DONE), ending: { error: 'bad-response' } },
  {
    what: 'usage figures out of range (negative, 1e400, fractions, strings, 2^60)',
    answer: sse(delta('Hi'), data('{"choices":[],"usage":{"prompt_tokens":-5,"completion_tokens":1e400,"total_tokens":1152921504606846976,"completion_tokens_details":{"reasoning_tokens":0.5}}}'), DONE),
    ending: { done: 'complete', text: 'Hi' },
  },
  { what: 'a finish reason of 10,000 characters and a model name with control characters', answer: sse(delta('Hi', { model: 'gpt\u0000\u001b[31m' }), data({ choices: [{ delta: {}, finish_reason: 'r'.repeat(10_000) }] }), DONE), ending: { done: 'complete', text: 'Hi' } },
  { what: 'a 200 with an HTML page', answer: plain(200, 'text/html', '<!doctype html><html><title>Sign in</title></html>'), ending: { error: 'not-a-proxy', says: /web page instead of data/ } },
  { what: "a 200 with LiteLLM's admin page", answer: plain(200, 'text/html', readFileSync(join(fixturesDir, 'litellm-1.81.0', 'admin-ui.html'))), ending: { error: 'not-a-proxy', says: /LiteLLM's admin page/ } },
  { what: 'a 200 with HTML sent as an event stream', answer: sse('<html><body>hello</body></html>'), ending: { done: 'cut-off', text: '' } },
  { what: 'a 200 of binary garbage as JSON', answer: plain(200, 'application/json', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00])), plainRequest: true, ending: { error: 'bad-response' } },
  { what: 'bytes that are not UTF-8 in the text', answer: sse(`data: {"choices":[{"delta":{"content":"a\udcffb"}}]}\n\n`, DONE), ending: { done: 'complete' } },
  { what: 'more events after [DONE]', answer: sse(delta('Hi'), DONE, delta(' and more')), ending: { done: 'complete', text: 'Hi' } },
  { what: '[DONE] before any answer', answer: sse(DONE), ending: { done: 'complete', text: '' } },
  {
    what: 'a body shorter than its Content-Length, then silence',
    answer: (_request, res) => void res.writeHead(200, { 'content-type': 'text/event-stream', 'content-length': '5000' }).end(delta('Hi')),
    ending: { error: 'timeout', says: /stopped sending for 0\.7 s in the middle of the answer/ },
  },
  {
    what: 'a redirect to another origin',
    answer: plain(307, 'text/plain', '', { location: 'http://127.0.0.1:9/v1/chat/completions' }),
    ending: { error: 'redirect', says: /does not send a request, or its key, on to another address/ },
  },
  { what: 'a 429 with a Retry-After', answer: plain(429, 'application/json', '{"error":{"message":"slow down"}}', { 'retry-after': '30' }), ending: { error: 'rate-limited' } },
  { what: 'a 400 whose body is 5 MB', answer: plain(400, 'application/json', `{"error":{"message":"${'m'.repeat(5 * 1024 * 1024)}"}}`), ending: { error: 'bad-response' } },
  { what: 'a 500 whose message carries terminal escapes and line breaks', answer: plain(500, 'application/json', JSON.stringify({ error: { message: '\u001b[31mfatal\r\nX-Injected: 1' } })), ending: { error: 'server-error' } },
  { what: 'an error event whose error is a number', answer: sse(delta('Hi'), data({ error: 503 })), ending: { error: 'server-error', says: /stopped the answer with an error: "503"/ } },
  { what: 'no first byte, ever', answer: (_request, res) => untilClosed(res), ending: { error: 'timeout', says: /sent nothing within 1\.5 s/ }, closesConnection: true },
];

/** Where a hostile upstream can echo the key it was sent: all of it must come out masked. */
const ECHOES: Array<[string, Answer]> = [
  ['in the text, whole', sse(delta(`key=${KEY}`), DONE)],
  ['in the text, one character per chunk', sse(...[...`key=${KEY}`].map((char) => delta(char)), DONE)],
  ['in the reasoning, split in two', sse(data({ choices: [{ delta: { reasoning_content: KEY.slice(0, 10) } }] }), data({ choices: [{ delta: { reasoning_content: KEY.slice(10) } }] }), DONE)],
  ['as the model name, the finish reason and the call id', (_request, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-litellm-call-id': KEY });
    res.end(delta('x', { model: KEY }) + data({ choices: [{ delta: {}, finish_reason: KEY }] }) + DONE);
  }],
  ['in an error event mid-stream', sse(delta('Hi'), data({ error: { message: `refused ${KEY}` } }))],
  ['in a 401', plain(401, 'application/json', JSON.stringify({ error: { message: `invalid key ${KEY}`, type: 'auth_error' } }))],
  ['in a redirect target', plain(302, 'text/plain', '', { location: `http://127.0.0.1:9/${KEY}` })],
  ['in a plain answer', plain(200, 'application/json', JSON.stringify({ model: KEY, choices: [{ message: { content: KEY, reasoning: KEY }, finish_reason: KEY }] }))],
];

async function generateAgainst(answer: Answer, stream: boolean, probe: Probe) {
  const upstream = await startRawUpstream(answer);
  upstreams.push(upstream);
  const events: GenerateEvent[] = [];
  const started = performance.now();
  try {
    const target = {
      openAIBaseUrl: `${upstream.url}/v1`,
      key: KEY,
      keyVariable: 'LITELLM_API_KEY',
      wording: { product: 'LiteLLM proxy', urlHint: '' },
      capabilities: { supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' as const },
    };
    const input = { instanceId: 'litellm' as const, modelId: 'm', system: '', prompt: 'hi', params: DEFAULT_GENERATION_PARAMS, stream };
    for await (const event of generate({ fetch, monotonic: () => performance.now(), limits: LIMITS }, target, input, new AbortController().signal)) events.push(event);
  } catch (error) {
    probe.crash(`generate threw ${String(error)}`);
  }
  const ms = performance.now() - started;
  for (const event of events) expect(GenerateEventSchema.safeParse(event).success, `an event that keeps the contract: ${JSON.stringify(event).slice(0, 200)}`).toBe(true);
  const last = events.at(-1);
  expect(events.filter((event) => event.type === 'done' || event.type === 'error'), 'exactly one final event').toHaveLength(1);
  expect(last?.type === 'done' || last?.type === 'error', 'the final event is the last').toBe(true);
  expect(ms, 'ends within its deadlines').toBeLessThan(BOUND_MS);
  probe.noLeak('the events', JSON.stringify(events), [KEY]);
  return { upstream, events, last };
}

const textOf = (events: GenerateEvent[]) => events.map((event) => (event.type === 'delta' ? event.text : '')).join('');

const liarCases = LIARS.map((liar) => ({
  name: `generate: ${liar.what} ends with ${'error' in liar.ending ? `a ${liar.ending.error} sentence` : `done ${liar.ending.done}`}`,
  async run(probe: Probe) {
    const { upstream, events, last } = await generateAgainst(liar.answer, liar.plainRequest !== true, probe);
    const { ending } = liar;
    if ('error' in ending) {
      expect(last?.type).toBe('error');
      const error = last?.type === 'error' ? last.error : null;
      expect(error?.kind).toBe(ending.error);
      expect(error?.message, 'a sentence').toMatch(/\.$/);
      expect(error?.message.length, 'a sentence, not a dump').toBeLessThan(600);
      expect(error?.message).not.toMatch(/\p{Cc}/u);
      if (ending.says) expect(error?.message).toMatch(ending.says);
    } else {
      expect(last).toMatchObject({ type: 'done', ending: ending.done });
      if (ending.text !== undefined) expect(textOf(events)).toBe(ending.text);
    }
    if (liar.closesConnection) {
      // The upstream would have gone on for ever: Switchboard hung up.
      await expect.poll(() => upstream.hungUp, { timeout: 2000 }).toBe(1);
    }
  },
}));

const echoCases = ECHOES.flatMap(([where, answer]) =>
  [true, false].map((stream) => ({
    name: `generate: the key echoed ${where} comes out masked (${stream ? 'streamed' : 'plain'} request)`,
    async run(probe: Probe) {
      const { upstream } = await generateAgainst(answer, stream, probe);
      // The key was sent: the case is about the answer, not a request that never carried it.
      expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    },
  })),
);

const group = (fields: Record<string, unknown>) => JSON.stringify({ data: [{ model_group: 'm', max_input_tokens: 8192, ...fields }] });

/** A proxy that lies about what a model takes: the capabilities still keep the contract, and say nothing they cannot stand behind. */
const LYING_METADATA: Array<[string, string, Partial<Record<'supportedParams' | 'supportsReasoning' | 'supportsResponseSchema', unknown>>]> = [
  ['10,000 supported params', group({ supported_openai_params: Array.from({ length: 10_000 }, (_, i) => `p${i}`) }), {}],
  ['param names of 1,000 characters, numbers, nulls and objects', group({ supported_openai_params: ['x'.repeat(1000), 7, null, { a: 1 }, 'temperature'] }), { supportedParams: ['temperature'] }],
  ['param names with spaces, quotes and control characters', group({ supported_openai_params: ['temp erature', 'a"b', 'c\u0000d', '__proto__'] }), { supportedParams: ['__proto__'] }],
  ['flags that are strings', group({ supported_openai_params: ['stream'], supports_reasoning: 'true', supports_response_schema: 1 }), { supportsReasoning: null, supportsResponseSchema: null }],
  ['a list that is an object', group({ supported_openai_params: { 0: 'temperature' } }), { supportedParams: null }],
  ['data that is not a list', JSON.stringify({ data: { model_group: 'm' } }), { supportedParams: null, supportsReasoning: null }],
  ['a web page', '<html><title>LiteLLM Dashboard</title></html>', { supportedParams: null }],
  ['2 MB of garbage', 'x'.repeat(2 * 1024 * 1024), { supportedParams: null }],
];

const metadataCases = LYING_METADATA.map(([what, body, expected]) => ({
  name: `generate: capabilities from a proxy that sends ${what} keep the contract`,
  async run() {
    const server = await startStaticServer({
      '/model_group/info': { contentType: 'application/json', body },
      '/utils/supported_openai_params': { contentType: 'application/json', body: '{"supported_openai_params": "all of them"}' },
    });
    upstreams.push(server);
    const context = { client: { fetch, timeoutMs: 3000, maxBytes: 1024 * 1024 }, publicModelMap: { load: async () => null } };
    const capabilities = await resolveCapabilities(context, { instanceId: 'litellm', baseUrl: server.url, key: KEY }, 'm', null);
    expect(ModelCapabilitiesSchema.safeParse(capabilities).success, JSON.stringify(capabilities).slice(0, 200)).toBe(true);
    expect(capabilities).toMatchObject(expected);
  },
}));

hostileCases([...liarCases, ...echoCases, ...metadataCases]);
