import { DEFAULT_MASTER_KEY, startConnectProxy, startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { PROXY_PASSWORD_ACCOUNT } from '../../src/network/keychain-accounts.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';
import { routeBench, routeOf, useClosers } from './support.js';

const tempDir = useTempDirs();
const closing = useClosers();
const GATEWAY = 'litellm.corp.test';
const auth = { authorization: `Bearer ${DEFAULT_MASTER_KEY}` };

/** A LiteLLM server reachable only by a name the company's proxy knows, as a gateway on the intranet is. */
async function corporateNetwork(proxyOptions: Parameters<typeof startConnectProxy>[0] = {}) {
  const litellm = await startLiteLLMServer();
  const proxy = await startConnectProxy({ ...proxyOptions, hosts: { [GATEWAY]: '127.0.0.1' } });
  closing(() => litellm.close(), () => proxy.close());
  return { litellm, proxy, gatewayUrl: `http://${GATEWAY}:${litellm.port}` };
}

describe('requests to a platform leave through the proxy the settings choose', () => {
  it('"from the environment" follows HTTPS_PROXY / HTTP_PROXY from the environment given, and says so in proxyFor', async () => {
    const { litellm, proxy, gatewayUrl } = await corporateNetwork();
    const bench = routeBench(await tempDir(), memorySecretStore(), { HTTP_PROXY: proxy.url, https_proxy: proxy.url });
    closing(() => bench.routes.close());
    const route = await routeOf(bench.routes, 'litellm');

    const answer = await route.fetch(`${gatewayUrl}/v1/models`, { headers: auth });
    expect(answer.status).toBe(200);
    expect(proxy.forwarded).toEqual([{ method: 'CONNECT', target: `${GATEWAY}:${litellm.port}` }]);
    expect(litellm.requests.map((request) => request.path)).toEqual(['/v1/models']);
    expect(route.proxyFor(`${gatewayUrl}/v1/models`)).toBe(proxy.url);
    expect(route.proxyFor('https://openrouter.ai/api/v1')).toBe(proxy.url);
  });

  it('NO_PROXY (a domain, a host with its port) takes a host off the proxy; proxyFor says which', async () => {
    const { litellm, proxy } = await corporateNetwork();
    const bench = routeBench(await tempDir(), memorySecretStore(), { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: `.corp.test,intranet.example:8443` });
    closing(() => bench.routes.close());
    const route = await routeOf(bench.routes, 'litellm');
    expect(route.proxyFor(`http://${GATEWAY}:${litellm.port}/v1/models`)).toBeNull();
    expect(route.proxyFor('https://intranet.example:8443/v1')).toBeNull();
    expect(route.proxyFor('https://intranet.example/v1')).toBe(proxy.url);
  });

  it('loopback never goes through the proxy, in any mode', async () => {
    const { litellm, proxy } = await corporateNetwork();
    const bench = routeBench(await tempDir(), memorySecretStore(), { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    closing(() => bench.routes.close());
    for (const mode of ['environment', 'url'] as const) {
      bench.setProxy({ mode, url: proxy.url, username: null });
      const route = await routeOf(bench.routes, 'litellm');
      for (const url of [litellm.url, `http://localhost:${litellm.port}`]) {
        expect((await route.fetch(`${url}/v1/models`, { headers: auth })).status).toBe(200);
        expect(route.proxyFor(url)).toBeNull();
      }
    }
    expect(proxy.forwarded).toEqual([]);
    expect(litellm.requests).toHaveLength(4);
  });

  it('a typed proxy URL is used with the user name from settings and the password from the keychain', async () => {
    const { litellm, proxy, gatewayUrl } = await corporateNetwork({ credentials: { username: 'ann', password: 'proxy-pw-7' } });
    const secrets = memorySecretStore({ [PROXY_PASSWORD_ACCOUNT]: 'proxy-pw-7' });
    const bench = routeBench(await tempDir(), secrets, {});
    closing(() => bench.routes.close());
    bench.setProxy({ mode: 'url', url: proxy.url, username: 'ann' });
    const route = await routeOf(bench.routes, 'litellm');
    expect((await route.fetch(`${gatewayUrl}/v1/models`, { headers: auth })).status).toBe(200);
    expect(proxy.forwarded).toEqual([{ method: 'CONNECT', target: `${GATEWAY}:${litellm.port}` }]);
    expect(route.proxyFor(gatewayUrl)).toBe(proxy.url);

    // A wrong password is the proxy's 407, not a silent direct try.
    await secrets.set(PROXY_PASSWORD_ACCOUNT, 'wrong');
    bench.routes.forget();
    const refused = await routeOf(bench.routes, 'litellm');
    await expect(refused.fetch(`${gatewayUrl}/v1/models`, { headers: auth })).rejects.toThrow();
    expect(proxy.refused.map((entry) => entry.status)).toEqual([407]);
  });

  it('"no proxy" ignores HTTPS_PROXY, and a change of mode counts from the next request', async () => {
    const { proxy, gatewayUrl } = await corporateNetwork();
    const bench = routeBench(await tempDir(), memorySecretStore(), { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    closing(() => bench.routes.close());
    bench.setProxy({ mode: 'none', url: null, username: null });
    const direct = await routeOf(bench.routes, null);
    // Not fetched: sent direct, the gateway's name would go to the real resolver, and tests talk to 127.0.0.1 only.
    expect(direct.proxyFor(gatewayUrl)).toBeNull();

    bench.setProxy({ mode: 'environment', url: null, username: null });
    const proxied = await routeOf(bench.routes, null);
    expect((await proxied.fetch(`${gatewayUrl}/v1/models`, { headers: auth })).status).toBe(200);
    expect(proxy.forwarded).toHaveLength(1);
  });
});
