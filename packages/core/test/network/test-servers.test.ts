import { afterEach, describe, expect, it } from 'vitest';
import { Agent, ProxyAgent, fetch as undiciFetch } from 'undici';
import { createPrivateCa, expiredLeaf, selfSignedLeaf, startConnectProxy, startLiteLLMServer, startTlsServer, DEFAULT_MASTER_KEY } from '@switchboard/test-servers';

// The helpers every network and diagnosis test stands on: a company's proxy, its private CA, a gateway behind TLS.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('test servers for corporate networks', () => {
  it('a private CA signs a TLS gateway in front of LiteLLM, reached by a name only the proxy resolves', async () => {
    const litellm = await startLiteLLMServer();
    closers.push(() => litellm.close());
    const ca = await createPrivateCa();
    const gateway = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: litellm.url });
    closers.push(() => gateway.close());
    const proxy = await startConnectProxy({ hosts: { 'litellm.corp.test': '127.0.0.1' } });
    closers.push(() => proxy.close());

    const trusting = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.cert } });
    closers.push(() => trusting.close());
    const response = await undiciFetch(`https://litellm.corp.test:${gateway.port}/v1/models`, {
      headers: { authorization: `Bearer ${DEFAULT_MASTER_KEY}` },
      dispatcher: trusting,
    });
    expect(response.status).toBe(200);
    expect(proxy.forwarded).toEqual([{ method: 'CONNECT', target: `litellm.corp.test:${gateway.port}` }]);

    const untrusting = new ProxyAgent({ uri: proxy.url });
    closers.push(() => untrusting.close());
    await expect(undiciFetch(`https://litellm.corp.test:${gateway.port}/v1/models`, { dispatcher: untrusting })).rejects.toThrow();
  });

  it('a proxy that wants credentials answers 407 without them and forwards with them; a refusing one answers 403', async () => {
    const litellm = await startLiteLLMServer();
    closers.push(() => litellm.close());
    const guarded = await startConnectProxy({ credentials: { username: 'ann', password: 'pw-1' }, hosts: { 'litellm.corp.test': '127.0.0.1' } });
    const refusing = await startConnectProxy({ refuse: true });
    closers.push(() => guarded.close(), () => refusing.close());
    const target = `http://litellm.corp.test:${litellm.port}/health/liveliness`;

    const anonymous = new ProxyAgent({ uri: guarded.url });
    const withToken = new ProxyAgent({ uri: guarded.url, token: `Basic ${Buffer.from('ann:pw-1').toString('base64')}` });
    const denied = new ProxyAgent({ uri: refusing.url });
    closers.push(() => anonymous.close(), () => withToken.close(), () => denied.close());

    await expect(undiciFetch(target, { dispatcher: anonymous })).rejects.toThrow();
    expect(guarded.refused.map((entry) => entry.status)).toEqual([407]);
    expect((await undiciFetch(target, { dispatcher: withToken })).status).toBe(200);
    expect(guarded.forwarded).toEqual([{ method: 'CONNECT', target: `litellm.corp.test:${litellm.port}` }]);
    await expect(undiciFetch(target, { dispatcher: denied })).rejects.toThrow();
    expect(refusing.refused.map((entry) => entry.status)).toEqual([403]);
  });

  it('self-signed and expired leaves are refused by default trust, each for its own reason', async () => {
    const codes: string[] = [];
    for (const pair of [await selfSignedLeaf(['127.0.0.1']), await expiredLeaf(['127.0.0.1'])]) {
      const server = await startTlsServer(pair);
      closers.push(() => server.close());
      const agent = new Agent();
      closers.push(() => agent.close());
      const error = await undiciFetch(server.url, { dispatcher: agent }).then(() => null, (caught: unknown) => caught);
      codes.push(String((error as { cause?: { code?: unknown } } | null)?.cause?.code));
    }
    expect(codes).toEqual(['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED']);
  });
});
