import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/create-api.js';
import type { SecretStore } from '../src/store/secret-store.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from './support/keychain.js';
import { useTempDirs } from './support/temp-dir.js';

const KEY = 'sk-master-1234';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(): Promise<{ api: SwitchboardApi; server: RunningServer; dir: string; secrets: SecretStore; reopen: () => SwitchboardApi }> {
  const server = await startLiteLLMServer();
  servers.push(server);
  const dir = await tempDir();
  const { secrets } = isolatedSecretStore();
  // No public map in these tests: nothing may reach outside the machine.
  const reopen = () => createApi({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
  return { api: reopen(), server, dir, secrets, reopen };
}

async function filesUnder(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8').catch(() => '')));
  return contents.join('\n');
}

describe.skipIf(!keychainAvailable)(`the LiteLLM API with a real keychain${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
  it('tests a connection without storing anything', async () => {
    const { api, server, secrets } = await setup();
    const result = await api['litellm:test-connection']({ url: `${server.url}/v1/`, key: { mode: 'provided', value: KEY } });
    expect(result).toMatchObject({ ok: true, value: { url: server.url } });
    if (result.ok) {
      expect(result.value.modelIds).toContain('gpt-4o');
      expect(result.value.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(await secrets.get('litellm')).toBeNull();
    expect(await api['litellm:get-config'](undefined)).toMatchObject({ connected: false });
    expect(await api['litellm:get-cached-models'](undefined)).toBeNull();
  });

  it('refuses a bad URL with a sentence and without calling anything', async () => {
    const { api, server } = await setup();
    const result = await api['litellm:test-connection']({ url: 'ftp://example.com', key: { mode: 'none' } });
    expect(result).toEqual({ ok: false, error: { kind: 'invalid-url', message: expect.stringMatching(/Only http/) } });
    expect(server.requests).toEqual([]);
  });

  it('saves the URL and model in settings and the key only in the keychain, and survives a restart', async () => {
    const { api, server, dir, secrets, reopen } = await setup();
    const saved = await api['litellm:set-config']({ url: `${server.url}/`, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    expect(saved).toEqual({
      ok: true,
      value: { url: server.url, connected: true, keyStored: true, keyHint: '••••1234', selectedModel: 'gpt-4o', savedAt: expect.any(Number) },
    });
    expect(await secrets.get('litellm')).toBe(KEY);
    expect(await filesUnder(dir)).not.toContain(KEY);

    const restarted = reopen();
    expect(await restarted['litellm:get-config'](undefined)).toMatchObject({ url: server.url, keyStored: true, selectedModel: 'gpt-4o' });
    const models = await restarted['litellm:fetch-models'](undefined);
    expect(models.ok).toBe(true);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('uses the stored key when asked to, and removes it when saved again without a key', async () => {
    const { api, server, secrets } = await setup();
    await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    const tested = await api['litellm:test-connection']({ url: server.url, key: { mode: 'stored' } });
    expect(tested.ok).toBe(true);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    const saved = await api['litellm:set-config']({ url: server.url, key: { mode: 'none' }, selectedModel: 'fake-up' });
    expect(saved).toMatchObject({ ok: true, value: { keyStored: false, keyHint: null, selectedModel: 'fake-up' } });
    expect(await secrets.get('litellm')).toBeNull();
  });

  it('leaves everything as it was when a connection test fails', async () => {
    const { api, server, secrets } = await setup();
    await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    const failed = await api['litellm:test-connection']({ url: server.url, key: { mode: 'provided', value: 'sk-wrong' } });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await api['litellm:get-config'](undefined)).toMatchObject({ keyStored: true, selectedModel: 'gpt-4o' });
    expect(await secrets.get('litellm')).toBe(KEY);
  });

  it('disconnects: the key leaves the keychain and the connection leaves the settings', async () => {
    const { api, server, secrets, reopen } = await setup();
    await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    const result = await api['litellm:disconnect'](undefined);
    expect(result).toEqual({
      ok: true,
      value: { url: 'http://localhost:4000', connected: false, keyStored: false, keyHint: null, selectedModel: null, savedAt: null },
    });
    expect(await secrets.get('litellm')).toBeNull();
    expect(await reopen()['litellm:get-config'](undefined)).toMatchObject({ connected: false });
    expect(await reopen()['litellm:fetch-models'](undefined)).toMatchObject({ ok: false, error: { kind: 'not-configured' } });
  });
});
