import { readFileSync } from 'node:fs';
import { createPrivateCa, fixturesDir, startConnectProxy, startOpenRouterServer, startStaticServer, startTlsServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { expectWellFormed, finals, stepOf, KEY, useClosers, useDiagnosis, useLiteLLM } from './diagnose-support.js';

const closer = useClosers();
const diagnosis = useDiagnosis(closer);
const litellm = useLiteLLM(closer);

describe('Test Connection step by step: a connection that works', () => {
  it('runs every step on a LiteLLM proxy, answers what test-connection answers plus the APIs, and leaves the listing for the metadata', async () => {
    const server = await litellm();
    const app = await diagnosis();
    const events = await app.run({ platform: 'litellm', url: `${server.url}/v1/`, key: KEY });
    expectWellFormed(events);
    expect(finals(events).map((event) => [event.step, event.state])).toEqual([
      ['url', 'ok'],
      ['dns', 'skip'],
      ['tcp', 'ok'],
      ['tls', 'skip'],
      ['alive', 'ok'],
      ['models', 'ok'],
      ['metadata', 'ok'],
      ['apis', 'ok'],
    ]);
    expect(stepOf(events, 'url').detail).toMatch(/the trailing \/ removed; \/v1 removed/);
    expect(stepOf(events, 'metadata').fix).toBeNull();
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('expected done');
    const tested = await app.backend.api['litellm:test-connection']({ url: server.url, key: KEY });
    if (!tested.ok) throw new Error(tested.error.message);
    expect({ ...done.result, latencyMs: 0 }).toEqual({ ...tested.value, latencyMs: 0, apis: ['anthropic-messages', 'responses'] });
    // No tokens: no chat completion, and the Responses probe names no model, so nothing is routed to a deployment.
    expect(server.requests.some((request) => request.path.includes('chat/completions'))).toBe(false);
    expect(server.requests.find((request) => request.path === '/v1/responses')?.body).toBe('{"input":""}');

    // The service holds the listing the diagnosis made: metadata and saving work after it, as after test-connection.
    const fresh = await diagnosis();
    await fresh.run({ platform: 'litellm', url: server.url, key: KEY });
    const metadata = await fresh.backend.api['litellm:fetch-metadata'](undefined);
    expect(metadata).toMatchObject({ ok: true, value: { models: expect.arrayContaining([expect.objectContaining({ id: 'gpt-4o' })]) } });
  });

  it('goes through the corporate proxy and trusts the CA file of the platform, naming both in the steps and the report', async () => {
    const server = await litellm();
    const ca = await createPrivateCa('Example Corp Root CA');
    const front = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: server.url });
    closer(() => front.close());
    const proxy = await startConnectProxy({ hosts: { 'litellm.corp.test': '127.0.0.1' } });
    closer(() => proxy.close());
    const app = await diagnosis();
    const caFile = await app.file('corp-ca.pem', ca.cert);
    const url = `https://litellm.corp.test:${front.port}`;
    // Nothing is saved first: a connection behind a private CA could not pass the test that saving needs.
    expect(await app.backend.api['network:set-proxy']({ mode: 'url', url: proxy.url, username: null, password: { mode: 'none' } })).toMatchObject({ ok: true });
    const setPlatform = await app.backend.api['network:set-platform']({ instanceId: 'litellm', caFile, headers: [] });
    expect(setPlatform, JSON.stringify(setPlatform)).toMatchObject({ ok: true });

    const events = await app.run({ platform: 'litellm', url, key: KEY });
    expectWellFormed(events);
    expect(events.at(-1)?.type).toBe('done');
    expect(stepOf(events, 'dns').detail).toMatch(new RegExp(`through the proxy ${proxy.url}, which resolves litellm\\.corp\\.test itself`));
    expect(stepOf(events, 'tcp').detail).toBe(`Connected to litellm.corp.test:${front.port} through the proxy ${proxy.url}.`);
    expect(stepOf(events, 'tls').detail).toMatch(/^TLSv1\.[23], CN=litellm\.corp\.test, issued by CN=Example Corp Root CA/);
    expect(proxy.forwarded.every((exchange) => exchange.method === 'CONNECT' && exchange.target === `litellm.corp.test:${front.port}`)).toBe(true);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.report).toContain(`--proxy '${proxy.url}'`);
    expect(done.report).toContain(`--cacert '${caFile}'`);
  });

  const PROXY_PASSWORD = 'pw-proxy-31337';
  it.each([
    ["a typed proxy's user name and keychain password", 'settings'],
    ["the credentials in the environment's HTTPS_PROXY", 'environment'],
  ] as const)("sends %s with its own CONNECT, as the requests do", async (_what, from) => {
    const server = await litellm();
    const ca = await createPrivateCa();
    const front = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: server.url });
    closer(() => front.close());
    const proxy = await startConnectProxy({ credentials: { username: 'ann', password: PROXY_PASSWORD }, hosts: { 'litellm.corp.test': '127.0.0.1' } });
    closer(() => proxy.close());
    const withCredentials = proxy.url.replace('http://', `http://ann:${PROXY_PASSWORD}@`);
    const app = await diagnosis(from === 'environment' ? { HTTPS_PROXY: withCredentials } : {});
    const url = `https://litellm.corp.test:${front.port}`;
    await app.backend.api['litellm:set-config']({ url, key: KEY, selectedModel: 'gpt-4o' });
    await app.backend.api['network:set-platform']({ instanceId: 'litellm', caFile: await app.file('ca.pem', ca.cert), headers: [] });
    if (from === 'settings') {
      await app.backend.api['network:set-proxy']({ mode: 'url', url: proxy.url, username: 'ann', password: { mode: 'provided', value: PROXY_PASSWORD } });
    }
    const events = await app.run({ platform: 'litellm', url, key: KEY });
    expectWellFormed(events);
    expect(stepOf(events, 'tcp')).toMatchObject({ state: 'ok' });
    expect(events.at(-1)?.type).toBe('done');
    expect(proxy.refused).toEqual([]);
    expect(proxy.forwarded.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(PROXY_PASSWORD);
  });

  it("checks an https address given as an IP against the certificate's IP entry, not a host name", async () => {
    const ca = await createPrivateCa();
    // The CA's leaves carry 127.0.0.1 among their names; this one names no host the URL uses.
    const front = await startTlsServer({ ...(await ca.issue(['gateway.corp.test'])), forwardTo: (await litellm()).url });
    closer(() => front.close());
    const app = await diagnosis();
    const url = `https://127.0.0.1:${front.port}`;
    await app.backend.api['litellm:set-config']({ url, key: KEY, selectedModel: 'gpt-4o' });
    await app.backend.api['network:set-platform']({ instanceId: 'litellm', caFile: await app.file('ca.pem', ca.cert), headers: [] });
    const events = await app.run({ platform: 'litellm', url, key: KEY });
    expectWellFormed(events);
    expect(stepOf(events, 'tls')).toMatchObject({ state: 'ok', detail: expect.stringMatching(/CN=gateway\.corp\.test/) });
    expect(events.at(-1)?.type).toBe('done');
  });

  it("lets the model list name what a path serves when /health/liveliness is not there: a front with LiteLLM's admin page under /litellm", async () => {
    const adminPage = readFileSync(`${fixturesDir}/litellm-1.81.0/admin-ui.html`, 'utf8');
    const site = await startStaticServer({
      '/litellm/v1/models': { contentType: 'text/html; charset=utf-8', body: adminPage },
      '/v1/models': { contentType: 'application/json', body: JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1677610602, owned_by: 'openai' }] }) },
    });
    closer(() => site.close());
    const app = await diagnosis();
    const underPath = await app.run({ platform: 'litellm', url: `${site.url}/litellm`, key: KEY });
    expectWellFormed(underPath);
    expect(stepOf(underPath, 'alive')).toMatchObject({ state: 'skip', detail: expect.stringMatching(/liveliness was not found \(HTTP 404\)/) });
    expect(stepOf(underPath, 'models')).toMatchObject({ state: 'fail', detail: expect.stringMatching(/LiteLLM's admin page/) });
    expect(underPath.at(-1)).toMatchObject({ type: 'error', error: { suggestedUrl: site.url } });

    const atOrigin = await app.run({ platform: 'litellm', url: site.url, key: KEY });
    expect(atOrigin.at(-1)).toMatchObject({ type: 'done', result: { modelIds: ['gpt-4o'] } });
  });

  it('tells a key that sees no models from a refused one: accepted, no models, a warning, and the run ends done', async () => {
    const server = await litellm({ teamKeys: { 'sk-team-empty': { sentinels: ['all-team-models'], models: [] } } });
    const app = await diagnosis();
    const events = await app.run({ platform: 'litellm', url: server.url, key: { mode: 'provided', value: 'sk-team-empty' } });
    expectWellFormed(events);
    const models = stepOf(events, 'models');
    expect(models).toMatchObject({ state: 'ok', detail: expect.stringMatching(/The key was accepted, but it sees no models/), fix: expect.stringMatching(/access to models/) });
    expect(stepOf(events, 'metadata')).toMatchObject({ state: 'skip' });
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { modelIds: [] } });
  });

  it('keeps a connection whose metadata fails usable: the metadata step is ok with a warning, and the run ends done', async () => {
    const server = await litellm({ modelGroupInfo: 'not-found' });
    const app = await diagnosis();
    const events = await app.run({ platform: 'litellm', url: server.url, key: KEY });
    expectWellFormed(events);
    expect(stepOf(events, 'metadata')).toMatchObject({ state: 'ok', detail: expect.stringMatching(/models work, but .* missing: \/model_group\/info answered HTTP 404/), fix: expect.any(String) });
    expect(events.at(-1)?.type).toBe('done');
  });

  it('finds neither agent API on a plain OpenAI-compatible server, and both on LiteLLM, with one request each', async () => {
    const plain = await litellm({ metadata: false, masterKey: null });
    const app = await diagnosis();
    const events = await app.run({ platform: 'custom', url: plain.url, key: { mode: 'none' } });
    expectWellFormed(events);
    expect(stepOf(events, 'apis').detail).toMatch(/Anthropic Messages \(\/v1\/messages\): not there \(HTTP 404\); the Responses API \(\/v1\/responses\): not there \(HTTP 404\)/);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { apis: [] } });
    const probes = plain.requests.filter((request) => request.path.includes('messages') || request.path.includes('responses'));
    expect(probes.map((request) => request.path)).toEqual(['/v1/messages/count_tokens', '/v1/responses']);
  });

  it('tests OpenRouter at its own address: no liveliness, no metadata step, its key in the report as a variable', async () => {
    const key = 'sk-or-v1-abcdefabcdefabcdefabcdef0123456789';
    const server = await startOpenRouterServer({ validKeys: [key] });
    closer(() => server.close());
    const app = await diagnosis({ SWITCHBOARD_OPENROUTER_BASE_URL: `${server.url}/api/v1` });
    const events = await app.run({ platform: 'openrouter', key: { mode: 'provided', value: key } });
    expectWellFormed(events);
    expect(stepOf(events, 'alive').state).toBe('skip');
    expect(stepOf(events, 'metadata').state).toBe('skip');
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error(JSON.stringify(events));
    expect(done.report).toMatch(/curl -sS -i -X POST '.*\/api\/v1\/responses'/);
    expect(done.report, done.report).toContain('$OPENROUTER_API_KEY');
    expect(JSON.stringify(events)).not.toContain(key);
  });

  it('never puts the key or a secret header value in an event or the report', async () => {
    const server = await litellm({ masterKey: 'sk-diagnose-secret-4242' });
    const app = await diagnosis();
    await app.backend.api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: 'sk-diagnose-secret-4242' }, selectedModel: 'gpt-4o' });
    const saved = await app.backend.api['network:set-platform']({ instanceId: 'litellm', caFile: null, headers: [{ name: 'X-Gateway-Token', secret: true, secretValue: { mode: 'provided', value: 'gw-token-9876543210' } }] });
    expect(saved).toMatchObject({ ok: true });
    const passing = await app.run({ platform: 'litellm', url: server.url, key: { mode: 'stored' } });
    expect(passing.at(-1)?.type).toBe('done');
    const refused = await app.run({ platform: 'litellm', url: server.url, key: { mode: 'provided', value: 'sk-wrong-key-77777777' } });
    expect(refused.at(-1)?.type).toBe('error');
    for (const events of [passing, refused]) {
      const text = JSON.stringify(events);
      for (const secret of ['sk-diagnose-secret-4242', 'gw-token-9876543210', 'sk-wrong-key-77777777']) expect(text).not.toContain(secret);
    }
    const done = passing.at(-1);
    if (done?.type === 'done') expect(done.report).toMatch(/-H "X-Gateway-Token: \$SWITCHBOARD_LITELLM_HEADER_X_GATEWAY_TOKEN"/);
  });

  it('stops at once when cancelled mid-step: no event after the cancel, well within the deadline', async () => {
    const server = await litellm({ failure: 'hang' });
    const app = await diagnosis();
    const controller = new AbortController();
    const seen: string[] = [];
    const started = performance.now();
    for await (const event of app.backend.streams['connection:diagnose']({ platform: 'litellm', url: server.url, key: KEY }, controller.signal)) {
      seen.push(event.type === 'step' ? `${event.step}:${event.state}` : event.type);
      if (event.type === 'step' && event.step === 'alive' && event.state === 'running') controller.abort();
    }
    expect(seen.at(-1)).toBe('alive:running');
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
