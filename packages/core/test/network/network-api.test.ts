import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createPrivateCa, DEFAULT_MASTER_KEY, startConnectProxy, startLiteLLMServer, startTlsServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src/api/create-api.js';
import { headerAccount, PROXY_PASSWORD_ACCOUNT } from '../../src/network/keychain-accounts.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../support/keychain.js';
import { settingsFile } from '../support/settings-folder.js';
import { useTempDirs } from '../support/temp-dir.js';
import { useClosers } from './support.js';

const tempDir = useTempDirs();
const closing = useClosers();
const PROXY_PASSWORD = 'proxy-pass-5f2c9e';
const HEADER_SECRET = 'gateway-token-8d41b7a0';

async function backend(env: NodeJS.ProcessEnv = {}) {
  const dir = await tempDir();
  const { secrets } = isolatedSecretStore();
  const built = createBackend({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/none', ...env } });
  closing(
    () => built.routes.close(),
    async () => {
      for (const account of [PROXY_PASSWORD_ACCOUNT, headerAccount('litellm', 'X-Gateway-Token')]) await secrets.delete(account);
    },
  );
  return { ...built, dir, secrets, settingsText: () => readFile(settingsFile(dir), 'utf8') };
}

describe.skipIf(!keychainAvailable)(`the network channels, with the real keychain${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
  it('a password typed inside the proxy URL goes to the keychain and the user name to settings; the URL is kept without them', async () => {
    const { api, secrets, settingsText } = await backend({ HTTPS_PROXY: 'http://env-user:env-pw@127.0.0.1:3128' });
    const saved = await api['network:set-proxy']({ mode: 'url', url: `http://ann:${PROXY_PASSWORD}@127.0.0.1:3128/ignored?x=1`, username: null, password: { mode: 'stored' } });
    expect(saved).toEqual({
      ok: true,
      value: { mode: 'url', url: 'http://127.0.0.1:3128', username: 'ann', hasPassword: true, environment: { httpsProxy: 'http://127.0.0.1:3128', httpProxy: null, noProxy: null } },
    });
    expect(await secrets.get(PROXY_PASSWORD_ACCOUNT)).toBe(PROXY_PASSWORD);
    expect(await settingsText()).not.toContain(PROXY_PASSWORD);

    const cleared = await api['network:set-proxy']({ mode: 'none', url: null, username: null, password: { mode: 'none' } });
    expect(cleared).toMatchObject({ ok: true, value: { mode: 'none', url: null, username: null, hasPassword: false } });
    expect(await secrets.get(PROXY_PASSWORD_ACCOUNT)).toBeNull();
  });

  it('a proxy URL that cannot be used is refused with a sentence, and the settings stay as they were', async () => {
    const { api } = await backend();
    await api['network:set-proxy']({ mode: 'url', url: 'http://127.0.0.1:3128', username: null, password: { mode: 'none' } });
    const before = await api['network:get-proxy'](undefined);
    for (const url of ['socks5://127.0.0.1:1080', 'javascript:alert(1)', 'http://', 'proxy.corp:3128 with spaces']) {
      const refused = await api['network:set-proxy']({ mode: 'url', url, username: null, password: { mode: 'none' } });
      expect(refused).toEqual({ ok: false, error: { kind: expect.stringMatching(/invalid-url|invalid-input/), message: expect.stringMatching(/proxy URL/) } });
    }
    expect(await api['network:get-proxy'](undefined)).toEqual(before);
  });

  it("a platform's secret header goes to the keychain, never back to the page or into settings, and is deleted when removed", async () => {
    const { api, secrets, settingsText } = await backend();
    await api['litellm:set-config']({ url: 'http://127.0.0.1:4000', key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    const saved = await api['network:set-platform']({
      instanceId: 'litellm',
      caFile: null,
      headers: [
        { name: 'X-Team', secret: false, value: 'data-science' },
        { name: 'X-Gateway-Token', secret: true, secretValue: { mode: 'provided', value: HEADER_SECRET } },
      ],
    });
    expect(saved).toEqual({
      ok: true,
      value: {
        instanceId: 'litellm',
        caFile: null,
        caCertificates: null,
        caProblem: null,
        headers: [
          { name: 'X-Team', secret: false, value: 'data-science', hasValue: true },
          { name: 'X-Gateway-Token', secret: true, value: null, hasValue: true },
        ],
      },
    });
    expect(await secrets.get(headerAccount('litellm', 'x-gateway-token'))).toBe(HEADER_SECRET);
    expect(await settingsText()).not.toContain(HEADER_SECRET);

    // Kept as stored on a second save; gone from the keychain once the row is removed.
    const kept = await api['network:set-platform']({ instanceId: 'litellm', caFile: null, headers: [{ name: 'x-gateway-token', secret: true, secretValue: { mode: 'stored' } }] });
    expect(kept).toMatchObject({ ok: true, value: { headers: [{ name: 'x-gateway-token', hasValue: true }] } });
    expect(await api['network:set-platform']({ instanceId: 'litellm', caFile: null, headers: [] })).toMatchObject({ ok: true, value: { headers: [] } });
    expect(await secrets.get(headerAccount('litellm', 'X-Gateway-Token'))).toBeNull();
  });

  it("disconnecting a platform takes its secret headers out of the keychain with its key", async () => {
    const { api, secrets, settingsText } = await backend();
    await api['litellm:set-config']({ url: 'http://127.0.0.1:4000', key: { mode: 'provided', value: 'sk-disconnect-test-1234' }, selectedModel: 'gpt-4o' });
    const headers = [{ name: 'X-Gateway-Token', secret: true as const, secretValue: { mode: 'provided' as const, value: HEADER_SECRET } }];
    expect(await api['network:set-platform']({ instanceId: 'litellm', caFile: null, headers })).toMatchObject({ ok: true });
    expect(await secrets.get(headerAccount('litellm', 'X-Gateway-Token'))).toBe(HEADER_SECRET);

    expect(await api['litellm:disconnect'](undefined)).toMatchObject({ ok: true });
    expect(await secrets.get(headerAccount('litellm', 'X-Gateway-Token'))).toBeNull();
    expect(await secrets.get('litellm')).toBeNull();
    expect(await settingsText()).not.toContain('X-Gateway-Token');
  });

  it('a CA file that is not one is refused with a sentence naming it, and what was saved before stays', async () => {
    const { api, dir } = await backend();
    const ca = await createPrivateCa();
    const good = join(dir, 'corp-ca.pem');
    await Promise.all([writeFile(good, ca.cert), writeFile(join(dir, 'key.pem'), ca.key)]);
    await api['litellm:set-config']({ url: 'http://127.0.0.1:4000', key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    expect(await api['network:set-platform']({ instanceId: 'litellm', caFile: good, headers: [] })).toMatchObject({
      ok: true,
      value: { caFile: good, caCertificates: [{ subject: expect.stringContaining('Switchboard Test Corp Root CA'), selfSigned: true }], caProblem: null },
    });
    for (const [path, sentence] of [
      [join(dir, 'key.pem'), /holds a private key/],
      [dir, /is a folder, not a regular file/],
      [join(dir, 'missing.pem'), /There is no file at/],
    ] as const) {
      const refused = await api['network:set-platform']({ instanceId: 'litellm', caFile: path, headers: [] });
      expect(refused).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(sentence) } });
      expect(refused.ok ? '' : refused.error.message).toContain(path);
    }
    expect(await api['network:get-platform']({ instanceId: 'litellm' })).toMatchObject({ caFile: good, caProblem: null });
  });

  it('Test Connection reaches a gateway behind the company proxy with its CA and headers; a secret header never shows in an error', async () => {
    const litellm = await startLiteLLMServer();
    const ca = await createPrivateCa();
    const gateway = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: litellm.url });
    // A gateway that echoes what it was sent in its error page, as some do.
    const echo = createServer((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`upstream failed for request with headers ${JSON.stringify(req.headers)}`);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const echoPort = (echo.address() as { port: number }).port;
    const proxy = await startConnectProxy({ hosts: { 'litellm.corp.test': '127.0.0.1', 'echo.corp.test': '127.0.0.1' } });
    closing(() => litellm.close(), () => gateway.close(), () => proxy.close(), () => new Promise<void>((resolve) => echo.close(() => resolve())));
    const { api, dir } = await backend({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    const caFile = join(dir, 'corp-ca.pem');
    await writeFile(caFile, ca.cert);
    const url = `https://litellm.corp.test:${gateway.port}`;
    await api['litellm:set-config']({ url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: 'gpt-4o' });
    const headers = [{ name: 'X-Gateway-Token', secret: true as const, secretValue: { mode: 'provided' as const, value: HEADER_SECRET } }];
    expect(await api['network:set-platform']({ instanceId: 'litellm', caFile, headers })).toMatchObject({ ok: true });

    const tested = await api['litellm:test-connection']({ url, key: { mode: 'stored' } });
    expect(tested).toMatchObject({ ok: true });
    expect(proxy.forwarded[0]).toEqual({ method: 'CONNECT', target: `litellm.corp.test:${gateway.port}` });
    expect(gateway.requests[0]?.headers['x-gateway-token']).toBe(HEADER_SECRET);

    const echoUrl = `http://echo.corp.test:${echoPort}`;
    const failed = await api['litellm:test-connection']({ url: echoUrl, key: { mode: 'stored' } });
    expect(failed.ok).toBe(false);
    expect(JSON.stringify(failed)).not.toContain(HEADER_SECRET);
    expect(JSON.stringify(failed)).not.toContain(DEFAULT_MASTER_KEY);
  });
});
