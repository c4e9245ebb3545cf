import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '@switchboard/core';
import { memorySecretStore } from '../../../../packages/core/test/support/memory-secret-store.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/server.js';
import { sendRaw } from './raw-http.js';

const TOKEN = 'test-token-0123456789';
const KEY = 'sk-hostile-requests-key-5150';
let host: BrowserHost;
const logged: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-host-hostile-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const { api, streams } = createBackend({ userDataDir: join(dir, 'data'), secrets: memorySecretStore({ litellm: KEY }) });
  host = await startBrowserHost({
    api,
    streams,
    rendererDir,
    token: TOKEN,
    port: 0,
    log: (line) => logged.push(line),
    // Short deadlines, so that the slow-client cases take a second, not Node's minutes.
    headersTimeoutMs: 500,
    requestTimeoutMs: 1_000,
    bodyTimeoutMs: 500,
    maxBodyBytes: 64 * 1024,
  });
});
afterAll(() => host.close());

const head = (method: string, target: string, headers: Record<string, string> = {}) =>
  `${method} ${target} HTTP/1.1\r\n` +
  Object.entries({ host: `127.0.0.1:${host.port}`, connection: 'close', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('') +
  '\r\n';

const apiHead = (length: number, extra: Record<string, string> = {}, channel = 'litellm:test-connection') =>
  head('POST', `/api/${channel}`, {
    'content-type': 'application/json',
    'x-switchboard-token': TOKEN,
    'content-length': String(length),
    ...extra,
  });

const apiCall = (body: string | Buffer, channel?: string) => [apiHead(Buffer.byteLength(body), {}, channel), body];

/** After every attack, the host still answers an ordinary call: that is what "did not crash" means. */
afterEach(async () => {
  const answer = await sendRaw(host.port, apiCall('{}', 'litellm:get-config'));
  expect(answer.status).toBe(200);
  expect(JSON.stringify(logged)).not.toContain(KEY);
});

interface Attack {
  name: string;
  bytes: () => ReadonlyArray<string | Buffer>;
  status: number;
  /** Under /api/ the refusal is JSON `{ error }`; elsewhere a line of text. */
  answer: 'json' | 'text';
  sentence: RegExp;
}

const attacks: Attack[] = [
  { name: 'a path whose percent-escape is cut short', bytes: () => [head('GET', '/api/%E0%A4%A')], status: 400, answer: 'json', sentence: /percent-escape/ },
  { name: 'a page path with a bad percent-escape', bytes: () => [head('GET', '/%ZZ')], status: 400, answer: 'text', sentence: /percent-escape/ },
  { name: 'an encoded percent that decodes to a bad escape', bytes: () => [head('GET', '/%25E0%25A4')], status: 404, answer: 'text', sentence: /Not found/ },
  { name: 'a NUL in the path', bytes: () => [head('GET', '/index.html%00.js')], status: 400, answer: 'text', sentence: /NUL/ },
  { name: 'an absolute-form target with a broken host', bytes: () => [head('GET', 'http://[bad/')], status: 400, answer: 'text', sentence: /must be a path/ },
  { name: 'an absolute-form target to another site', bytes: () => [head('POST', 'http://evil.example/api/litellm:get-config')], status: 400, answer: 'text', sentence: /must be a path/ },
  { name: 'an asterisk target', bytes: () => [head('OPTIONS', '*')], status: 400, answer: 'text', sentence: /must be a path/ },
  { name: 'a protocol-relative target', bytes: () => [head('GET', '//evil.example/')], status: 400, answer: 'text', sentence: /must be a path/ },
  { name: 'an unknown method', bytes: () => [head('BREW', '/')], status: 400, answer: 'text', sentence: /method/ },
  { name: 'a known method the host does not serve', bytes: () => [head('PROPFIND', '/')], status: 405, answer: 'text', sentence: /GET/ },
  { name: 'GET on the API', bytes: () => [head('GET', '/api/litellm:get-config')], status: 405, answer: 'json', sentence: /POST/ },
  { name: 'CONNECT', bytes: () => [`CONNECT 127.0.0.1:22 HTTP/1.1\r\nhost: 127.0.0.1:22\r\n\r\n`], status: 405, answer: 'text', sentence: /not a proxy/ },
  { name: 'no Host header', bytes: () => ['GET / HTTP/1.1\r\nconnection: close\r\n\r\n'], status: 400, answer: 'text', sentence: /./ },
  { name: 'two Host headers, the first our own', bytes: () => [head('GET', '/', { Host: 'evil.example' })], status: 403, answer: 'text', sentence: /one Host header/ },
  { name: 'a Host with another port', bytes: () => [head('GET', '/', { host: '127.0.0.1:1' })], status: 403, answer: 'text', sentence: /Host/ },
  { name: 'an empty Host', bytes: () => [head('GET', '/', { host: '' })], status: 403, answer: 'text', sentence: /Host/ },
  { name: 'headers larger than Node accepts', bytes: () => [head('GET', '/', { 'x-fill': 'a'.repeat(20_000) })], status: 431, answer: 'text', sentence: /too large/ },
  { name: 'a header with a control character', bytes: () => [head('GET', '/', { 'x-bad': 'a\u0001b' })], status: 400, answer: 'text', sentence: /not valid HTTP/ },
  { name: 'bytes that are not HTTP at all', bytes: () => [Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])], status: 400, answer: 'text', sentence: /./ },
  { name: 'a body larger than the cap, declared', bytes: () => [apiHead(10 * 1024 * 1024)], status: 413, answer: 'json', sentence: /larger than 64 KiB/ },
  { name: 'a body larger than the cap, chunked', bytes: () => [apiHead(0).replace('content-length: 0', 'transfer-encoding: chunked'), `10000\r\n${'a'.repeat(0x10000)}\r\n`, `10\r\n${'a'.repeat(16)}\r\n0\r\n\r\n`], status: 413, answer: 'json', sentence: /larger than/ },
  { name: 'a null envelope', bytes: () => apiCall('null'), status: 400, answer: 'json', sentence: /JSON object/ },
  { name: 'an array envelope', bytes: () => apiCall('[1,2]'), status: 400, answer: 'json', sentence: /JSON object/ },
  { name: 'a number envelope', bytes: () => apiCall('42'), status: 400, answer: 'json', sentence: /JSON object/ },
  { name: 'a string envelope', bytes: () => apiCall('"input"'), status: 400, answer: 'json', sentence: /JSON object/ },
  { name: 'an envelope without input', bytes: () => apiCall('{"other":1}'), status: 400, answer: 'json', sentence: /Invalid input for litellm:test-connection/ },
  { name: 'a body that is not JSON', bytes: () => apiCall('{"input": '), status: 400, answer: 'json', sentence: /not JSON/ },
  { name: 'a body that is not UTF-8', bytes: () => apiCall(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), status: 400, answer: 'json', sentence: /UTF-8/ },
  { name: 'JSON with a __proto__ key', bytes: () => apiCall('{"input":{"__proto__":{"url":"http://127.0.0.1:1"}}}'), status: 400, answer: 'json', sentence: /__proto__/ },
  { name: 'JSON with a constructor key', bytes: () => apiCall('{"constructor":{"prototype":{"polluted":true}}}'), status: 400, answer: 'json', sentence: /constructor|prototype/ },
  { name: 'JSON nested past any stack', bytes: () => apiCall('['.repeat(30_000) + ']'.repeat(30_000)), status: 400, answer: 'json', sentence: /nested too deeply|not JSON/ },
  { name: 'a channel name that is not in the contract', bytes: () => apiCall('{}', 'constructor'), status: 404, answer: 'json', sentence: /no channel named/ },
  { name: 'a channel name with an encoded slash', bytes: () => apiCall('{}', 'litellm%2Fget-config'), status: 404, answer: 'json', sentence: /no channel named/ },
];

describe('the browser host, given hostile bytes', () => {
  it.each(attacks.map((attack) => [attack.name, attack] as const))('answers %s with a 4xx and a sentence', async (_name, attack) => {
    const answer = await sendRaw(host.port, attack.bytes());
    expect(answer.status).toBe(attack.status);
    if (attack.answer === 'json') expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(attack.sentence) });
    else expect(answer.body).toMatch(attack.sentence);
  });

  it('cuts off a client that sends its headers slowly, within the deadline', async () => {
    const parts = head('GET', '/').match(/.{1,4}/gs) ?? [];
    const answer = await sendRaw(host.port, parts, { gapMs: 100, waitMs: 5_000 });
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
    expect(answer.elapsedMs).toBeLessThan(3_000);
  });

  it('cuts off a client that opens a connection and says nothing', async () => {
    const answer = await sendRaw(host.port, [], { waitMs: 5_000 });
    expect(answer.closed).toBe(true);
    expect(answer.elapsedMs).toBeLessThan(3_000);
  });

  it('cuts off a client that sends its body slowly, with a sentence', async () => {
    const answer = await sendRaw(host.port, [apiHead(100), '{', '"', 'i'], { gapMs: 400, waitMs: 5_000 });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).error).toMatch(/did not arrive within 0.5 s/);
    expect(answer.closed).toBe(true);
  });

  it('refuses an invalid key without repeating it', async () => {
    const key = `sk-${'k'.repeat(5000)}`;
    const answer = await sendRaw(host.port, apiCall(JSON.stringify({ input: { url: 'http://127.0.0.1:1', key: { mode: 'provided', value: key } } })));
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('k'.repeat(20));
    expect(answer.body.length).toBeLessThan(1_000);
  });
});

describe('the browser host, when a channel fails unexpectedly', () => {
  it('answers 500 with a sentence, logs only the channel and the error name, and keeps serving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-host-throws-'));
    const lines: string[] = [];
    const { api, streams } = createBackend({ userDataDir: dir, secrets: memorySecretStore() });
    const throwing = await startBrowserHost({
      streams,
      api: {
        ...api,
        'litellm:test-connection': async () => {
          throw new TypeError(`boom with ${KEY}`);
        },
      },
      rendererDir: dir,
      token: TOKEN,
      port: 0,
      log: (line) => lines.push(line),
    });
    try {
      const body = JSON.stringify({ input: { url: 'http://127.0.0.1:1', key: { mode: 'provided', value: KEY } } });
      const request = (channel: string, text: string) =>
        sendRaw(throwing.port, [
          `POST /api/${channel} HTTP/1.1\r\nhost: 127.0.0.1:${throwing.port}\r\nconnection: close\r\ncontent-type: application/json\r\n` +
            `x-switchboard-token: ${TOKEN}\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
        ]);
      const failed = await request('litellm:test-connection', body);
      expect(failed.status).toBe(500);
      expect(JSON.parse(failed.body).error).toMatch(/internal error/);
      expect(failed.body).not.toContain(KEY);
      expect(lines).toEqual(['switchboard: litellm:test-connection failed unexpectedly (TypeError)']);
      expect((await request('litellm:get-config', '{}')).status).toBe(200);
    } finally {
      await throwing.close();
    }
  });
});
