import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUsableByOpencode, openrouterPlatform } from '@switchboard/core';
import type { Model } from '@switchboard/shared';
import { startOpenRouterServer, type OpenRouterServer } from '@switchboard/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { isolatedOpencodeEnv, OPENCODE_MISSING } from './support/opencode.js';
import { runOpencodeThroughSwitchboard, writeOpencodeConfig } from './support/opencode-flow.js';

const OPENCODE_TIMEOUT = 60_000;
const KEY = 'sk-or-v1-test';

/** The same path as for LiteLLM, for OpenRouter: its listing, the written provider, the real opencode, the key from the keychain. */
describe.skipIf(OPENCODE_MISSING !== null)(`an OpenRouter provider in the real opencode${OPENCODE_MISSING === null ? '' : ` (${OPENCODE_MISSING})`}`, () => {
  let server: OpenRouterServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let models: Model[];
  let configFile: string;

  beforeAll(async () => {
    server = await startOpenRouterServer();
    dir = await mkdtemp(join(tmpdir(), 'switchboard-opencode-or-'));
    configFile = join(dir, 'config', 'opencode.json');
    env = await isolatedOpencodeEnv(dir, configFile);
    const context = {
      client: { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 5_000, maxBytes: 16 * 1024 * 1024 },
      publicModelMap: { load: async () => null },
      env: { SWITCHBOARD_OPENROUTER_BASE_URL: `${server.url}/api/v1` },
    };
    const baseUrl = openrouterPlatform.baseUrl(undefined, context);
    models = await (await openrouterPlatform.connect(context, baseUrl, KEY)).enrich();
    await writeOpencodeConfig({ platform: openrouterPlatform, instanceId: 'openrouter', baseUrl, models, configFile, modelId: 'openai/gpt-4o' });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // No `opencode models openrouter` check here, unlike LiteLLM's: opencode merges this entry into
  // its own built-in OpenRouter provider and lists its bundled catalogue too, and in a busy full
  // test run that listing left written models out. What matters is below: opencode loads the
  // entry, calls the written base URL, and authenticates with the keychain's key.
  it('writes a provider opencode can use: every chat model, the env reference, the base URL as is', async () => {
    const config = JSON.parse(await readFile(configFile, 'utf8')) as {
      model: string;
      provider: { openrouter: { options: { baseURL: string; apiKey: string }; models: Record<string, unknown> } };
    };
    expect(config.model).toBe('openrouter/openai/gpt-4o');
    expect(config.provider.openrouter.options).toEqual({ baseURL: `${server.url}/api/v1`, apiKey: '{env:OPENROUTER_API_KEY}' });
    expect(Object.keys(config.provider.openrouter.models).sort()).toEqual(models.filter(isUsableByOpencode).map((model) => model.id).sort());
  });

  describe.skipIf(!keychainAvailable)(`through switchboard run${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
    it('`switchboard run -- opencode run -m openrouter/<id> "hi"` reaches OpenRouter with the stored key', { timeout: OPENCODE_TIMEOUT }, async () => {
      const { secrets, service } = isolatedSecretStore();
      await secrets.set('openrouter', KEY);
      try {
        const result = await runOpencodeThroughSwitchboard({ env, dir, service, model: 'openrouter/openai/gpt-4o' });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout.length).toBeGreaterThan(0);
        const chats = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/chat/completions');
        expect(chats.length).toBeGreaterThan(0);
        for (const chat of chats) expect(chat.headers['authorization']).toBe(`Bearer ${KEY}`);
        expect(result.stderr).not.toContain(KEY);
      } finally {
        await secrets.delete('openrouter');
      }
    });
  });
});
