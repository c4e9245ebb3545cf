import { afterAll, beforeAll, expect } from 'vitest';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { requestHead, sendRaw, startHostUnderAttack, type HostUnderAttack, type RawAnswer } from '../support/host-process.js';

const KEY = 'sk-hostile-browser-host-2718281828';
let host: HostUnderAttack;

beforeAll(async () => {
  host = await startHostUnderAttack(KEY);
}, 30_000);
afterAll(() => host?.stop());

const own = () => `127.0.0.1:${host.port}`;
const page = (method: string, target: string, headers: Record<string, string> = {}) =>
  requestHead(method, target, { host: own(), connection: 'close', ...headers });
const apiCall = (channel: string, body: string | Buffer, extra: Record<string, string> = {}) => [
  host.apiHead(channel, Buffer.byteLength(body), extra),
  body,
];

interface Attack {
  name: string;
  bytes: () => ReadonlyArray<string | Buffer>;
  /** The status the host must answer with. */
  status: number;
  /** What the refusal must say: JSON `{ error }` under /api/, a line of text elsewhere. */
  says: RegExp;
  options?: { gapMs?: number; waitMs?: number };
  /** Anything more the answer must show. */
  also?: (answer: RawAnswer) => void;
}

const attacks: Attack[] = [
  // Request targets
  { name: 'an API path whose percent-escape is cut short', bytes: () => [page('GET', '/api/%E0%A4%A')], status: 400, says: /percent-escape/ },
  { name: 'a page path with %ZZ', bytes: () => [page('GET', '/%ZZ')], status: 400, says: /percent-escape/ },
  { name: 'a NUL in the path', bytes: () => [page('GET', '/index.html%00.png')], status: 400, says: /NUL/ },
  { name: 'a path that climbs out of the renderer folder', bytes: () => [page('GET', '/..%2f..%2f..%2fetc%2fpasswd')], status: 404, says: /Not found/ },
  { name: 'an absolute-form target with a broken host', bytes: () => [page('GET', 'http://[bad/')], status: 400, says: /must be a path/ },
  { name: 'an absolute-form API call aimed at another site', bytes: () => [page('POST', 'http://evil.example/api/custom:list-endpoints')], status: 400, says: /must be a path/ },
  { name: 'an asterisk target', bytes: () => [page('OPTIONS', '*')], status: 400, says: /must be a path/ },
  { name: 'a protocol-relative target', bytes: () => [page('GET', '//evil.example/')], status: 400, says: /must be a path/ },
  // Methods
  { name: 'a method no one knows', bytes: () => [page('BREW', '/')], status: 400, says: /method/ },
  { name: 'a WebDAV method', bytes: () => [page('PROPFIND', '/')], status: 405, says: /GET/ },
  { name: 'GET on the API', bytes: () => [page('GET', '/api/custom:list-endpoints')], status: 405, says: /POST/ },
  { name: 'CONNECT, as to a proxy', bytes: () => ['CONNECT 127.0.0.1:22 HTTP/1.1\r\nhost: 127.0.0.1:22\r\n\r\n'], status: 405, says: /not a proxy/ },
  // Host, Origin, token
  { name: 'no Host header', bytes: () => ['GET / HTTP/1.1\r\nconnection: close\r\n\r\n'], status: 400, says: /./ },
  { name: 'two Host headers, the first its own', bytes: () => [page('GET', '/', { Host: 'evil.example' })], status: 403, says: /one Host header/ },
  { name: 'a rebinding Host with the token', bytes: () => apiCall('custom:list-endpoints', '{}', { host: `evil.example:${host.port}` }), status: 403, says: /Host/ },
  { name: 'a foreign Origin with the token', bytes: () => apiCall('custom:list-endpoints', '{}', { origin: 'https://evil.example' }), status: 403, says: /other sites/ },
  { name: 'an API call without the token', bytes: () => apiCall('custom:list-endpoints', '{}', { 'x-switchboard-token': '' }), status: 401, says: /token/ },
  { name: 'an API call with a token one byte off', bytes: () => apiCall('custom:list-endpoints', '{}', { 'x-switchboard-token': `${host.token.slice(0, -1)}X` }), status: 401, says: /token/ },
  // Headers
  { name: 'headers larger than the cap', bytes: () => [page('GET', '/', { 'x-fill': 'a'.repeat(20_000) })], status: 431, says: /too large/ },
  { name: 'a header value with a control character', bytes: () => [page('GET', '/', { 'x-bad': 'a\u0001b' })], status: 400, says: /not valid HTTP/ },
  { name: 'a TLS ClientHello instead of HTTP', bytes: () => [Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])], status: 400, says: /./ },
  { name: 'Content-Length and Transfer-Encoding together (smuggling)', bytes: () => [host.apiHead('custom:list-endpoints', 2, { 'transfer-encoding': 'chunked' }), '0\r\n\r\n'], status: 400, says: /not valid HTTP/ },
  { name: 'two different Content-Lengths', bytes: () => [host.apiHead('custom:list-endpoints', 2).replace('\r\n\r\n', '\r\ncontent-length: 5\r\n\r\n'), '{}'], status: 400, says: /not valid HTTP/ },
  { name: 'a body in another content type', bytes: () => apiCall('custom:list-endpoints', 'input=1', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, says: /JSON/ },
  // Bodies and envelopes
  { name: 'a body declared larger than the cap', bytes: () => [host.apiHead('custom:test-connection', 50 * 1024 * 1024)], status: 413, says: /larger than/ },
  { name: 'a chunked body that grows past the cap', bytes: () => [host.apiHead('custom:test-connection', 0).replace('content-length: 0', 'transfer-encoding: chunked'), `100000\r\n${'a'.repeat(0x100000)}\r\n`, `10\r\n${'a'.repeat(16)}\r\n0\r\n\r\n`], status: 413, says: /larger than/ },
  { name: 'a null envelope', bytes: () => apiCall('custom:test-connection', 'null'), status: 400, says: /JSON object/ },
  { name: 'an array envelope', bytes: () => apiCall('custom:test-connection', '[{"input":{}}]'), status: 400, says: /JSON object/ },
  { name: 'a number envelope', bytes: () => apiCall('custom:test-connection', '1e999'), status: 400, says: /JSON object/ },
  { name: 'a string envelope', bytes: () => apiCall('custom:test-connection', '"input"'), status: 400, says: /JSON object/ },
  { name: 'an envelope without its input', bytes: () => apiCall('custom:test-connection', '{"inptu":{}}'), status: 400, says: /Invalid input for custom:test-connection/ },
  { name: 'a body cut off mid-JSON', bytes: () => apiCall('custom:test-connection', '{"input":{"url":"http://127.'), status: 400, says: /not JSON/ },
  { name: 'a body that is not UTF-8', bytes: () => apiCall('custom:test-connection', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])), status: 400, says: /UTF-8/ },
  { name: 'JSON with a __proto__ key', bytes: () => apiCall('opencode:set-settings', '{"input":{"__proto__":{"writeKeyInFile":true}}}'), status: 400, says: /__proto__/ },
  { name: 'JSON with constructor.prototype', bytes: () => apiCall('opencode:set-settings', '{"input":{"constructor":{"prototype":{"sync":true}}}}'), status: 400, says: /constructor|prototype/ },
  { name: 'JSON nested 100,000 deep', bytes: () => apiCall('custom:test-connection', `{"input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), status: 400, says: /nested too deeply|Invalid input/ },
  { name: 'a channel named like an object property', bytes: () => apiCall('__proto__', '{}'), status: 404, says: /no channel named/ },
  { name: 'a channel name with an encoded slash', bytes: () => apiCall('custom%2Flist-endpoints', '{}'), status: 404, says: /no channel named/ },
  { name: 'a typed key that is 100,000 characters long', bytes: () => apiCall('custom:test-connection', JSON.stringify({ input: { url: 'http://127.0.0.1:9', key: { mode: 'provided', value: `${KEY}${'q'.repeat(100_000)}` } } })), status: 400, says: /Invalid input/, also: (answer) => expect(answer.body.length).toBeLessThan(2_000) },
  // Slow and silent clients
  {
    name: 'headers sent a few bytes at a time',
    bytes: () => page('GET', '/').match(/.{1,3}/gs) ?? [],
    options: { gapMs: 400, waitMs: 15_000 },
    status: 408,
    says: /in time/,
    also: (answer) => expect(answer.elapsedMs).toBeLessThan(10_000),
  },
  {
    name: 'a body sent a byte every second',
    bytes: () => [host.apiHead('custom:test-connection', 200), ...'{"input":{"url":"http://127.0.0.1:9"'.split('')],
    options: { gapMs: 1_000, waitMs: 15_000 },
    status: 408,
    says: /did not arrive within/,
    also: (answer) => expect(answer.elapsedMs).toBeLessThan(10_000),
  },
];

async function afterAttack(probe: Probe, where: string, answer: RawAnswer | null): Promise<void> {
  if (answer) probe.noLeak(`the answer to ${where}`, answer.body, [KEY]);
  probe.noLeak('the host output', host.output(), [KEY]);
  const crash = await host.crashed();
  if (crash) probe.crash(`${crash} after ${where}`);
}

const refusals: HostileCase[] = attacks.map((attack) => ({
  name: `browser host: ${attack.name} gets ${attack.status} with a sentence`,
  async run(probe) {
    const answer = await sendRaw(host.port, attack.bytes(), attack.options);
    try {
      expect(answer.status).toBe(attack.status);
      const sentence = answer.body.trimStart().startsWith('{') ? (JSON.parse(answer.body) as { error: string }).error : answer.body;
      expect(sentence).toMatch(attack.says);
      attack.also?.(answer);
    } finally {
      await afterAttack(probe, attack.name, answer);
    }
  },
}));

const abuse: HostileCase[] = [
  {
    name: 'browser host: a connection that says nothing is closed within seconds',
    async run(probe) {
      const answer = await sendRaw(host.port, [], { waitMs: 15_000 });
      expect(answer.closed).toBe(true);
      expect(answer.elapsedMs).toBeLessThan(10_000);
      await afterAttack(probe, 'a silent connection', answer);
    },
  },
  {
    name: 'browser host: a client that resets mid-body leaves it serving',
    async run(probe) {
      await sendRaw(host.port, [host.apiHead('custom:test-connection', 10_000), '{"input":'], { waitMs: 100 });
      await afterAttack(probe, 'a reset mid-body', null);
    },
  },
  {
    // Node parses both at once: the garbage is refused before the good call has its answer, on the one connection.
    name: 'browser host: garbage pipelined behind a good call is refused with 400 and leaves it serving',
    async run(probe) {
      const [head, body] = apiCall('custom:list-endpoints', '{}', { connection: 'keep-alive' });
      const answer = await sendRaw(host.port, [`${head}${body}\u0000\u0001GARBAGE /\r\n\r\n`], { waitMs: 5_000 });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/not valid HTTP|method/);
      await afterAttack(probe, 'a pipelined garbage request', answer);
    },
  },
  {
    name: 'browser host: 200 garbage connections at once leave it serving',
    async run(probe) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_unused, index) =>
          sendRaw(host.port, [index % 2 === 0 ? page('GET', '/%E0%A4%A') : Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a])], { waitMs: 10_000 }),
        ),
      );
      expect(answers.every((answer) => answer.status === 400)).toBe(true);
      await afterAttack(probe, '200 garbage connections', null);
    },
  },
];

hostileCases([...refusals, ...abuse]);
