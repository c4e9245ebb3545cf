import { createServer } from 'node:net';
import type { DiagnoseInput, DiagnosisStep } from '@switchboard/shared';
import {
  createPrivateCa,
  expiredLeaf,
  selfSignedLeaf,
  startConnectProxy,
  startGatewayFront,
  startTlsServer,
  type GatewayFront,
} from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { expectWellFormed, finals, stepOf, KEY, useClosers, useDiagnosis, useLiteLLM, type Diagnosing } from './diagnose-support.js';

const closer = useClosers();
const diagnosis = useDiagnosis(closer);
const litellm = useLiteLLM(closer);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function tlsFront(pair: { cert: string; key: string }, forwardTo: string) {
  const server = await startTlsServer({ ...pair, forwardTo });
  closer(() => server.close());
  return server;
}

interface Case {
  name: string;
  /** The input, after starting what it needs (and setting anything up in the app). */
  arrange(app: Diagnosing): Promise<DiagnoseInput>;
  failsAt: DiagnosisStep;
  kind: string;
  detail: RegExp;
  certificate?: { selfSigned: boolean };
  suggestedUrl?: RegExp;
}

const FRONTS: ReadonlyArray<[GatewayFront, RegExp]> = [
  ['oauth2-proxy-redirect', /oauth2-proxy sign-in.*redirected to https:\/\/llm\.corp\.test/],
  ['oauth2-proxy-page', /oauth2-proxy sign-in/],
  ['cloudflare-access-redirect', /Cloudflare Access sign-in.*redirected to https:\/\/corp\.cloudflareaccess\.com/],
  ['cloudflare-access-page', /Cloudflare Access sign-in/],
  ['authelia-redirect', /Authelia sign-in/],
  ['authelia-page', /Authelia sign-in/],
  ['open-webui', /is Open WebUI, a chat front end/],
];

const frontCases: Case[] = FRONTS.flatMap(([front, detail]): Case[] => [
  {
    name: `LiteLLM behind ${front}`,
    arrange: async () => {
      const server = await startGatewayFront(front);
      closer(() => server.close());
      return { platform: 'litellm', url: server.url, key: KEY };
    },
    failsAt: 'alive',
    kind: 'not-a-proxy',
    detail,
  },
  {
    name: `a custom endpoint behind ${front}`,
    arrange: async () => {
      const server = await startGatewayFront(front);
      closer(() => server.close());
      return { platform: 'custom', url: server.url, key: KEY };
    },
    failsAt: 'models',
    kind: 'not-a-proxy',
    detail,
  },
]);

const cases: Case[] = [
  {
    name: '/v1 given twice',
    arrange: async () => ({ platform: 'litellm', url: 'http://127.0.0.1:4000/v1/v1/', key: KEY }),
    failsAt: 'url',
    kind: 'invalid-url',
    detail: /gives \/v1 twice/,
    suggestedUrl: /^http:\/\/127\.0\.0\.1:4000$/,
  },
  { name: 'a file: URL', arrange: async () => ({ platform: 'litellm', url: 'file:///etc/passwd', key: KEY }), failsAt: 'url', kind: 'invalid-url', detail: /Only http:\/\/ and https:\/\// },
  { name: 'a javascript: URL', arrange: async () => ({ platform: 'custom', url: 'javascript:alert(1)', key: KEY }), failsAt: 'url', kind: 'invalid-url', detail: /Only http:\/\/ and https:\/\// },
  { name: 'a URL with credentials', arrange: async () => ({ platform: 'litellm', url: 'http://ann:secret@127.0.0.1:4000', key: KEY }), failsAt: 'url', kind: 'invalid-url', detail: /Remove the user name and password/ },
  {
    name: 'a port nobody listens on',
    arrange: async () => ({ platform: 'litellm', url: `http://127.0.0.1:${await closedPort()}`, key: KEY }),
    failsAt: 'tcp',
    kind: 'unreachable',
    detail: /Nothing is listening at 127\.0\.0\.1:\d+/,
  },
  {
    name: 'https:// to a plain http port',
    arrange: async () => ({ platform: 'litellm', url: (await litellm()).url.replace('http:', 'https:'), key: KEY }),
    failsAt: 'tls',
    kind: 'tls',
    detail: /answers plain HTTP, not TLS/,
    suggestedUrl: /^http:\/\/127\.0\.0\.1:\d+$/,
  },
  {
    name: 'http:// to an https port',
    arrange: async () => {
      const ca = await createPrivateCa();
      const front = await tlsFront(await ca.issue(['127.0.0.1']), (await litellm()).url);
      return { platform: 'litellm', url: front.url.replace('https:', 'http:'), key: KEY };
    },
    failsAt: 'alive',
    kind: 'unreachable',
    detail: /speaks TLS \(https\), but the URL says http:\/\//,
    suggestedUrl: /^https:\/\/127\.0\.0\.1:\d+$/,
  },
  {
    name: 'a self-signed certificate',
    arrange: async () => ({ platform: 'litellm', url: (await tlsFront(await selfSignedLeaf(['127.0.0.1']), (await litellm()).url)).url, key: KEY }),
    failsAt: 'tls',
    kind: 'tls',
    detail: /CN=127\.0\.0\.1.*is self-signed/,
    certificate: { selfSigned: true },
  },
  {
    name: 'a certificate that expired yesterday',
    arrange: async () => ({ platform: 'litellm', url: (await tlsFront(await expiredLeaf(['127.0.0.1']), (await litellm()).url)).url, key: KEY }),
    failsAt: 'tls',
    kind: 'tls',
    detail: /has expired/,
    certificate: { selfSigned: true },
  },
  {
    name: "a company CA's certificate, the CA not trusted",
    arrange: async () => {
      const ca = await createPrivateCa('Example Corp Root CA');
      return { platform: 'litellm', url: (await tlsFront(await ca.issue(['127.0.0.1']), (await litellm()).url)).url, key: KEY };
    },
    failsAt: 'tls',
    kind: 'tls',
    detail: /issued by CN=Example Corp Root CA.*an authority this computer does not trust/,
    certificate: { selfSigned: false },
  },
  {
    name: 'a trusted certificate for another name',
    arrange: async (app) => {
      const ca = await createPrivateCa();
      const front = await tlsFront(await ca.issue(['gateway.corp.test']), (await litellm()).url);
      const proxy = await startConnectProxy({ hosts: { 'litellm.corp.test': '127.0.0.1' } });
      closer(() => proxy.close());
      const url = `https://litellm.corp.test:${front.port}`;
      await app.backend.api['litellm:set-config']({ url, key: KEY, selectedModel: 'gpt-4o' });
      await app.backend.api['network:set-platform']({ instanceId: 'litellm', caFile: await app.file('ca.pem', ca.cert), headers: [] });
      await app.backend.api['network:set-proxy']({ mode: 'url', url: proxy.url, username: null, password: { mode: 'none' } });
      return { platform: 'litellm', url, key: KEY };
    },
    failsAt: 'tls',
    kind: 'tls',
    detail: /CN=gateway\.corp\.test.* is for another name than litellm\.corp\.test/,
    certificate: { selfSigned: false },
  },
  {
    name: "LiteLLM's documentation page at every address",
    arrange: async () => ({ platform: 'litellm', url: (await litellm({ failure: 'html' })).url, key: KEY }),
    failsAt: 'alive',
    kind: 'not-a-proxy',
    detail: /LiteLLM's documentation page instead of data/,
  },
  {
    name: 'a key LiteLLM without a database refuses (400 no_db_connection)',
    arrange: async () => ({ platform: 'litellm', url: (await litellm()).url, key: { mode: 'provided', value: 'sk-wrong-0000' } }),
    failsAt: 'models',
    kind: 'unauthorized',
    detail: /refused the API key \(HTTP 400\)/,
  },
  {
    name: 'a corporate proxy that refuses the CONNECT',
    arrange: async (app) => {
      const proxy = await startConnectProxy({ refuse: true });
      closer(() => proxy.close());
      await app.backend.api['network:set-proxy']({ mode: 'url', url: proxy.url, username: null, password: { mode: 'none' } });
      return { platform: 'litellm', url: 'https://litellm.corp.test:4443', key: KEY };
    },
    failsAt: 'tcp',
    kind: 'unreachable',
    detail: /corporate proxy http:\/\/127\.0\.0\.1:\d+ refused the CONNECT to litellm\.corp\.test:4443 \(HTTP 403\)/,
  },
  {
    name: 'a corporate proxy that wants credentials',
    arrange: async (app) => {
      const proxy = await startConnectProxy({ credentials: { username: 'ann', password: 'pw-1' } });
      closer(() => proxy.close());
      await app.backend.api['network:set-proxy']({ mode: 'url', url: proxy.url, username: null, password: { mode: 'none' } });
      return { platform: 'litellm', url: 'https://litellm.corp.test:4443', key: KEY };
    },
    failsAt: 'tcp',
    kind: 'unauthorized',
    detail: /wants a user name and password \(HTTP 407\)/,
  },
  ...frontCases,
];

describe('Test Connection step by step: what it recognises', () => {
  it.each(cases)('$name: fails at $failsAt with its own sentence', async (row) => {
    const app = await diagnosis();
    const events = await app.run(await row.arrange(app));
    expectWellFormed(events);
    const failed = finals(events).filter((event) => event.state === 'fail');
    expect(failed.map((event) => event.step)).toEqual([row.failsAt]);
    const step = stepOf(events, row.failsAt);
    expect(step.detail).toMatch(row.detail);
    expect(step.fix).toEqual(expect.any(String));
    if (row.certificate) expect(step.certificate).toMatchObject({ selfSigned: row.certificate.selfSigned, fingerprint: expect.stringMatching(/^[0-9A-F:]+$/) });
    else expect(step.certificate).toBeUndefined();
    const end = events.at(-1);
    expect(end).toMatchObject({ type: 'error', error: { kind: row.kind, message: expect.stringContaining(step.detail) } });
    if (row.suggestedUrl && end?.type === 'error') expect(end.error.suggestedUrl).toMatch(row.suggestedUrl);
    if (end?.type === 'error') expect(end.report).toContain(`${row.failsAt.padEnd(8)} FAIL`);
  });
});

describe('test-connection says what the steps say', () => {
  const agreeing: ReadonlyArray<{ name: string; url(): Promise<string>; says: RegExp }> = [
    { name: 'https:// to a plain http port', url: async () => (await litellm()).url.replace('http:', 'https:'), says: /answers plain HTTP, not TLS \(ERR_SSL_WRONG_VERSION_NUMBER\)\. Use http:\/\// },
    {
      name: 'a self-signed certificate',
      url: async () => (await tlsFront(await selfSignedLeaf(['127.0.0.1']), (await litellm()).url)).url,
      says: /not trusted by this computer\. If your company gave you a CA certificate for it, choose it with Trust a CA file…/,
    },
    { name: 'an expired certificate', url: async () => (await tlsFront(await expiredLeaf(['127.0.0.1']), (await litellm()).url)).url, says: /has expired/ },
  ];
  it.each(agreeing)('$name', async ({ url, says }) => {
    const app = await diagnosis();
    const tested = await app.backend.api['litellm:test-connection']({ url: await url(), key: KEY });
    expect(tested).toMatchObject({ ok: false, error: { kind: 'tls', message: expect.stringMatching(says) } });
  });
});
