import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEFAULT_GENERATION_PARAMS, parseStreamInput } from '@switchboard/shared';
import { DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { requestHead, sendRaw, startHostUnderAttack, type HostUnderAttack, type RawAnswer } from '../support/host-process.js';

const KEY = 'sk-hostile-stream-host-1618033988';
let host: HostUnderAttack;
let proxy: LiteLLMServer;
/** The instance of a custom endpoint whose upstream is the LiteLLM test server, keyed with its master key. */
let instanceId = '';

beforeAll(async () => {
  [host, proxy] = await Promise.all([startHostUnderAttack(KEY), startLiteLLMServer()]);
  const body = JSON.stringify({ input: { name: 'Streaming proxy', url: proxy.url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: 'gpt-4o' } });
  const saved = await sendRaw(host.port, [host.apiHead('custom:save-endpoint', Buffer.byteLength(body)) + body], { waitMs: 5_000 });
  const id = (JSON.parse(saved.body) as { output?: { value?: { id?: string } } }).output?.value?.id;
  if (!id) throw new Error(`Could not save the streaming endpoint through the host: ${saved.status} ${saved.body.slice(0, 300)}`);
  instanceId = `custom:${id}`;
}, 30_000);
afterAll(async () => {
  await Promise.all([host?.stop(), proxy?.close()]);
});

const generate = () => ({ instanceId, modelId: 'gpt-4o', system: '', prompt: 'Say hello.', params: DEFAULT_GENERATION_PARAMS, stream: true });
const streamPath = (channel: string) => `/api/stream/${encodeURIComponent(channel)}`;
const streamHead = (channel: string, length: number, extra: Record<string, string> = {}) =>
  host.apiHead('x', length, extra).replace('POST /api/x ', `POST ${streamPath(channel)} `);
const streamCall = (channel: string, body: string | Buffer, extra: Record<string, string> = {}) => [streamHead(channel, Buffer.byteLength(body), extra), body];
const envelope = (input: unknown) => JSON.stringify({ input });

function refusalOf(input: unknown): string {
  try {
    parseStreamInput('playground:generate', input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the input was accepted');
}

async function afterAttack(probe: Probe, where: string, text: string | null): Promise<void> {
  const secrets = [KEY, DEFAULT_MASTER_KEY];
  if (text !== null) probe.noLeak(`the answer to ${where}`, text, secrets);
  probe.noLeak('the host output', host.output(), secrets);
  const crash = await host.crashed();
  if (crash) probe.crash(`${crash} after ${where}`);
}

interface Attack {
  name: string;
  bytes: () => ReadonlyArray<string | Buffer>;
  status: number;
  says: RegExp | (() => string);
}

const attacks: Attack[] = [
  { name: 'GET on a stream', bytes: () => [requestHead('GET', streamPath('playground:generate'), { host: `127.0.0.1:${host.port}`, connection: 'close' })], status: 405, says: /Use POST/ },
  { name: 'a stream without the token', bytes: () => streamCall('playground:generate', envelope(generate()), { 'x-switchboard-token': '' }), status: 401, says: /access token/ },
  { name: 'a stream from a foreign origin', bytes: () => streamCall('playground:generate', envelope(generate()), { origin: 'https://evil.example' }), status: 403, says: /other sites/ },
  { name: 'a stream with a rebinding Host', bytes: () => streamCall('playground:generate', envelope(generate()), { host: `evil.example:${host.port}` }), status: 403, says: /Host/ },
  { name: 'a request/answer channel as a stream', bytes: () => streamCall('custom:list-endpoints', '{}'), status: 404, says: /no stream channel "custom:list-endpoints"/ },
  { name: 'a stream channel named like an object property', bytes: () => streamCall('__proto__', '{}'), status: 404, says: /no stream channel/ },
  { name: 'a stream channel with an encoded slash', bytes: () => streamCall('playground%2Fgenerate', '{}'), status: 404, says: /no stream channel/ },
  { name: 'a stream body in another content type', bytes: () => streamCall('playground:generate', 'input=1', { 'content-type': 'text/plain' }), status: 415, says: /JSON/ },
  { name: 'a stream body cut off mid-JSON', bytes: () => streamCall('playground:generate', '{"input":{"prompt":"hi'), status: 400, says: /not JSON/ },
  { name: 'a stream body with __proto__', bytes: () => streamCall('playground:generate', '{"input":{"__proto__":{"stream":true}}}'), status: 400, says: /__proto__/ },
  { name: 'a stream body declared larger than the cap', bytes: () => [streamHead('playground:generate', 50 * 1024 * 1024)], status: 413, says: /larger than/ },
  { name: 'an empty prompt', bytes: () => streamCall('playground:generate', envelope({ ...generate(), prompt: ' ' })), status: 400, says: () => refusalOf({ ...generate(), prompt: ' ' }) },
  {
    name: 'a prompt carrying the key in a wrong input',
    bytes: () => streamCall('playground:generate', envelope({ ...generate(), modelId: '', prompt: `${KEY} ${'q'.repeat(100_001)}` })),
    status: 400,
    says: /^Invalid input for playground:generate: /,
  },
  { name: '501 models to check', bytes: () => streamCall('models:check', envelope({ instanceId, modelIds: Array.from({ length: 501 }, (_, n) => `m${n}`) })), status: 400, says: /Invalid input for models:check/ },
];

const refusals: HostileCase[] = attacks.map((attack) => ({
  name: `stream transport: ${attack.name} gets ${attack.status} with a sentence`,
  async run(probe) {
    let answer: RawAnswer | null = null;
    try {
      answer = await sendRaw(host.port, attack.bytes(), { waitMs: 5_000 });
      expect(answer.status).toBe(attack.status);
      const { error } = JSON.parse(answer.body) as { error: string };
      if (typeof attack.says === 'function') expect(error).toBe(attack.says());
      else expect(error).toMatch(attack.says);
      expect(error.length).toBeLessThan(2_000);
    } finally {
      await afterAttack(probe, attack.name, answer?.body ?? null);
    }
  },
}));

/** A stream opened with node:http, so the case decides when (and whether) its body is read. */
function openStream(input: unknown): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const body = envelope(input);
    const call = request({
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: streamPath('playground:generate'),
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-switchboard-token': host.token, 'content-length': Buffer.byteLength(body) },
    }, resolve);
    call.on('error', reject);
    call.end(body);
  });
}

async function readAll(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves once a piece of the answer itself has come: the upstream is streaming by then. */
function firstDelta(response: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (!text.includes('"type":"delta"')) return;
      response.off('data', onData);
      resolve();
    };
    response.on('data', onData);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const abuse: HostileCase[] = [
  {
    name: 'stream transport: a client that disconnects mid-stream closes the upstream request',
    async run(probe) {
      proxy.update({ stream: { tokenDelayMs: 30 }, replyTokens: 500 });
      const aborted = proxy.abortedStreams;
      try {
        const response = await openStream(generate());
        expect(response.statusCode).toBe(200);
        await firstDelta(response);
        response.destroy();
        await expect.poll(() => proxy.abortedStreams, { timeout: 5_000 }).toBe(aborted + 1);
      } finally {
        proxy.update({ stream: {}, replyTokens: undefined });
        await afterAttack(probe, 'a disconnect mid-stream', null);
      }
    },
  },
  {
    name: 'stream transport: a client that never reads holds the upstream back instead of the host buffering the answer',
    async run(probe) {
      // 360,000 one-word tokens: about 1.8 million characters, within every limit of an answer, and far more
      // than the sockets between proxy, host and client hold. Read at once it is all sent within about 16 s
      // here; with a reader that never reads, the host stops pulling once the sockets are full (about 150,000
      // tokens), and so does core, so the proxy cannot finish.
      proxy.update({ replyTokens: 360_000 });
      const endings = proxy.chatEndings.length;
      try {
        const response = await openStream(generate());
        response.pause();
        await sleep(18_000);
        response.destroy();
        await expect.poll(() => proxy.chatEndings.length, { timeout: 5_000 }).toBe(endings + 1);
        const [ending] = proxy.chatEndings.slice(endings);
        expect(ending?.ending, `the proxy sent ${ending?.chunksSent} of 360,000 tokens`).toBe('client-closed');
        expect(ending?.chunksSent).toBeLessThan(300_000);
      } finally {
        proxy.update({ replyTokens: undefined });
        await afterAttack(probe, 'a client that never reads', null);
      }
    },
  },
  {
    name: 'stream transport: 50 concurrent streams each get the whole answer, and the host keeps serving',
    async run(probe) {
      let answers: string[] = [];
      try {
        answers = await Promise.all(Array.from({ length: 50 }, () => openStream(generate()).then(readAll)));
        for (const answer of answers) {
          const events = answer.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
          expect(events[0]?.type).toBe('start');
          expect(events.at(-1)?.type).toBe('done');
        }
      } finally {
        await afterAttack(probe, '50 concurrent streams', answers.join('\n'));
      }
    },
  },
];

hostileCases([...refusals, ...abuse]);
