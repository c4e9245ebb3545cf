import { createPrivateCa, DEFAULT_MASTER_KEY, startConnectProxy, startLiteLLMServer, startTlsServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { headerAccount } from '../../src/network/keychain-accounts.js';
import { KeychainLockedError } from '../../src/store/keychain-errors.js';
import { customInstanceId } from '@switchboard/shared';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';
import { routeBench, routeOf, useClosers } from './support.js';

const tempDir = useTempDirs();
const closing = useClosers();
const auth = { authorization: `Bearer ${DEFAULT_MASTER_KEY}` };

/** LiteLLM behind a TLS gateway whose certificate a company's private CA signed. */
async function privateGateway() {
  const litellm = await startLiteLLMServer();
  const ca = await createPrivateCa();
  const gateway = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: litellm.url });
  closing(() => litellm.close(), () => gateway.close());
  return { litellm, ca, gateway };
}

describe("a platform's CA file and headers apply to its requests only", () => {
  it('a gateway signed by a private CA is refused without the CA file, accepted with it, and still refused for another platform', async () => {
    const { ca, gateway } = await privateGateway();
    const bench = routeBench(await tempDir(), memorySecretStore(), {});
    closing(() => bench.routes.close());
    const url = `${gateway.url}/v1/models`;

    await expect((await routeOf(bench.routes, 'litellm')).fetch(url, { headers: auth })).rejects.toThrow();

    bench.setPlatform('litellm', { caFile: await bench.caFile('corp-ca.pem', ca.cert), headers: [] });
    const trusting = await routeOf(bench.routes, 'litellm');
    expect((await trusting.fetch(url, { headers: auth })).status).toBe(200);
    expect(trusting.extraCa).toEqual([ca.cert.trim()]);

    const other = customInstanceId('lab');
    bench.setPlatform(other, { caFile: null, headers: [] });
    const elsewhere = await routeOf(bench.routes, other);
    expect(elsewhere.extraCa).toBeNull();
    await expect(elsewhere.fetch(url, { headers: auth })).rejects.toThrow();
    await expect((await routeOf(bench.routes, null)).fetch(url, { headers: auth })).rejects.toThrow();
  });

  it('the CA applies through the proxy too: the tunnel is opened, and the gateway behind it trusted', async () => {
    const { ca, gateway } = await privateGateway();
    const proxy = await startConnectProxy({ hosts: { 'litellm.corp.test': '127.0.0.1' } });
    closing(() => proxy.close());
    const bench = routeBench(await tempDir(), memorySecretStore(), { HTTPS_PROXY: proxy.url });
    closing(() => bench.routes.close());
    bench.setPlatform('litellm', { caFile: await bench.caFile('corp-ca.pem', ca.cert), headers: [] });
    const route = await routeOf(bench.routes, 'litellm');
    const answer = await route.fetch(`https://litellm.corp.test:${gateway.port}/v1/models`, { headers: auth });
    expect(answer.status).toBe(200);
    expect(proxy.forwarded).toEqual([{ method: 'CONNECT', target: `litellm.corp.test:${gateway.port}` }]);
  });

  it('a CA file that is gone fails the route with a sentence naming it, and nothing is sent', async () => {
    const { gateway } = await privateGateway();
    const bench = routeBench(await tempDir(), memorySecretStore(), {});
    closing(() => bench.routes.close());
    bench.setPlatform('litellm', { caFile: '/nowhere/corp-ca.pem', headers: [] });
    const route = await bench.routes.routeFor('litellm');
    expect(route).toEqual({ ok: false, error: { kind: 'config-invalid', message: expect.stringContaining('There is no file at /nowhere/corp-ca.pem') } });
    expect(gateway.requests).toEqual([]);
  });

  it('plain and secret headers arrive with every request, under the caller\'s own', async () => {
    const litellm = await startLiteLLMServer();
    closing(() => litellm.close());
    const secret = 'team-token-93ac1f7e';
    const secrets = memorySecretStore({ [headerAccount('litellm', 'X-Gateway-Token')]: secret });
    const bench = routeBench(await tempDir(), secrets, {});
    closing(() => bench.routes.close());
    bench.setPlatform('litellm', {
      caFile: null,
      headers: [
        { name: 'X-Team', secret: false, value: 'data-science' },
        { name: 'X-Gateway-Token', secret: true },
        { name: 'X-Caller-Wins', secret: false, value: 'custom' },
      ],
    });
    const route = await routeOf(bench.routes, 'litellm');
    expect(route.headers).toEqual({ 'X-Team': 'data-science', 'X-Gateway-Token': secret, 'X-Caller-Wins': 'custom' });
    await route.fetch(`${litellm.url}/v1/models`, { headers: { ...auth, 'x-caller-wins': 'caller' } });
    expect(litellm.requests[0]?.headers).toMatchObject({
      'x-team': 'data-science',
      'x-gateway-token': secret,
      'x-caller-wins': 'caller',
      authorization: `Bearer ${DEFAULT_MASTER_KEY}`,
    });
  });

  it('a secret header whose value left the keychain fails the route with a sentence, rather than sending without it', async () => {
    const bench = routeBench(await tempDir(), memorySecretStore(), {});
    closing(() => bench.routes.close());
    bench.setPlatform('litellm', { caFile: null, headers: [{ name: 'X-Gateway-Token', secret: true }] });
    expect(await bench.routes.routeFor('litellm')).toEqual({
      ok: false,
      error: { kind: 'config-invalid', message: expect.stringContaining('X-Gateway-Token header is not in the keychain') },
    });
  });

  it('a locked keychain fails the route with a sentence about the network secret, not the API key', async () => {
    const locked = { ...memorySecretStore(), get: async () => Promise.reject(new KeychainLockedError('read')) };
    const bench = routeBench(await tempDir(), locked, {});
    closing(() => bench.routes.close());
    bench.setPlatform('litellm', { caFile: null, headers: [{ name: 'X-Gateway-Token', secret: true }] });
    expect(await bench.routes.routeFor('litellm')).toEqual({
      ok: false,
      error: { kind: 'keychain-locked', message: expect.stringMatching(/keychain is locked, so a stored network secret \(the proxy password or a secret header\) could not be read/) },
    });
  });
});
