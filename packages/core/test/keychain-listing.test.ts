import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/create-api.js';
import { createKeytarSecretStore, DEFAULT_KEYCHAIN_TIMEOUT_MS } from '../src/store/secret-store.js';
import { missingSecretServiceTools, NO_PRIVATE_SECRET_SERVICE, startPrivateSecretService, type PrivateSecretService } from './support/private-secret-service.js';
import { useTempDirs } from './support/temp-dir.js';

const KEY = 'sk-master-1234';
const tempDir = useTempDirs();
const running: Array<{ close?(): Promise<void>; stop?(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((thing) => (thing.close ? thing.close() : thing.stop?.())));
});

/** A LiteLLM connection saved with its key, then the keychain put in the state under test. */
async function savedConnection(): Promise<{ api: SwitchboardApi; server: LiteLLMServer; keychain: PrivateSecretService; dir: string }> {
  const server = await startLiteLLMServer();
  const keychain = await startPrivateSecretService();
  running.push(server, keychain);
  const dir = await tempDir();
  // The default deadline while saving; the short one for the state under test, as a changed setting would.
  let deadline = DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const secrets = createKeytarSecretStore('switchboard-test-listing', { env: keychain.env, timeoutMs: () => deadline });
  const api = createApi({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
  const saved = await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
  expect(saved.ok).toBe(true);
  server.requests.length = 0;
  deadline = 1_000;
  return { api, server, keychain, dir };
}

const STATES = [
  { state: 'locked', kind: 'keychain-locked', sentence: /keychain is locked, so the stored API key could not be read, and nothing was sent without it/, enter: (keychain: PrivateSecretService) => keychain.lock() },
  { state: 'not answering', kind: 'keychain-timeout', sentence: /did not answer within 1 s, so the stored API key could not be read/, enter: async (keychain: PrivateSecretService) => keychain.freeze() },
  { state: 'gone', kind: 'keychain', sentence: /keychain is not available .*so the stored API key could not be read/, enter: (keychain: PrivateSecretService) => keychain.kill() },
] as const;

describe.skipIf(missingSecretServiceTools.length > 0)(`a listing that needs the stored key${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  describe.each(STATES)('with the keychain $state', ({ kind, sentence, enter }) => {
    it('fetch-models and test-connection with the stored key say so, and never call the proxy without it', async () => {
      const { api, server, keychain } = await savedConnection();
      await enter(keychain);
      const listed = await api['litellm:fetch-models'](undefined);
      const tested = await api['litellm:test-connection']({ url: server.url, key: { mode: 'stored' } });
      for (const result of [listed, tested]) expect(result).toEqual({ ok: false, error: { kind, message: expect.stringMatching(sentence) } });
      expect(server.requests).toEqual([]);
      keychain.thaw();
    });

    it('the panel still opens, saying why the key cannot be shown rather than "no key"', async () => {
      const { api, keychain } = await savedConnection();
      await enter(keychain);
      const view = await api['litellm:get-config'](undefined);
      expect(view).toMatchObject({ url: expect.any(String), connected: true, keyStored: false, keychainError: { kind, message: expect.stringMatching(sentence) } });
      keychain.thaw();
    });

    it('saving a new key fails with the sentence and leaves the saved settings as they were', async () => {
      const { api, server, keychain, dir } = await savedConnection();
      const before = await readFile(join(dir, 'settings.json'), 'utf8');
      await enter(keychain);
      const saved = await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: 'sk-new-5678' }, selectedModel: 'fake-up' });
      expect(saved).toMatchObject({ ok: false, error: { kind } });
      expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
      keychain.thaw();
    });
  });

  it('once the keychain is back, the listing uses the stored key again', async () => {
    const { api, server, keychain } = await savedConnection();
    await keychain.lock();
    expect(await api['litellm:fetch-models'](undefined)).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } });
    // A restart unlocks the login keyring with its password, as logging in would.
    await keychain.kill();
    await keychain.start();
    expect(await api['litellm:fetch-models'](undefined)).toMatchObject({ ok: true });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
