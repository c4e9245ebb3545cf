import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apiKeyEnvVariable,
  applyOpencodeConfig,
  buildProviderEntry,
  isUsableByOpencode,
  opencodeProviderId,
  openrouterPlatform,
  previewOpencodeConfig,
} from '@switchboard/core';
import type { Model } from '@switchboard/shared';
import { startOpenRouterServer, type OpenRouterServer } from '@switchboard/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { isolatedOpencodeEnv, OPENCODE } from './support/opencode.js';
import { run, switchboard } from './support/spawn-cli.js';

const OPENCODE_TIMEOUT = 60_000;
const KEY = 'sk-or-v1-test';

/** The same path as for LiteLLM, for OpenRouter: its listing, the written provider, the real opencode, the key from the keychain. */
describe('an OpenRouter provider in the real opencode', () => {
  let server: OpenRouterServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let models: Model[];

  beforeAll(async () => {
    server = await startOpenRouterServer();
    dir = await mkdtemp(join(tmpdir(), 'switchboard-opencode-or-'));
    const configFile = join(dir, 'config', 'opencode.json');
    env = await isolatedOpencodeEnv(dir, configFile);
    const context = {
      client: { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 5_000, maxBytes: 16 * 1024 * 1024 },
      publicModelMap: { load: async () => null },
      env: { SWITCHBOARD_OPENROUTER_BASE_URL: `${server.url}/api/v1` },
    };
    const baseUrl = openrouterPlatform.baseUrl(undefined, context);
    models = await (await openrouterPlatform.connect(context, baseUrl, KEY)).enriched;
    const provider = buildProviderEntry({
      displayName: openrouterPlatform.displayName,
      baseURL: openrouterPlatform.openAIBaseUrl(baseUrl),
      models,
      apiKey: { kind: 'env', variable: apiKeyEnvVariable('openrouter') },
    });
    const preview = await previewOpencodeConfig({ filePath: configFile, providerId: opencodeProviderId('openrouter'), provider, modelId: 'openai/gpt-4o' });
    if (!preview.ok) throw new Error(preview.error.message);
    const written = await applyOpencodeConfig(preview.value);
    if (!written.ok) throw new Error(written.error.message);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // opencode knows OpenRouter itself: the entry Switchboard writes is merged into its built-in
  // provider, so its own bundled catalogue is listed too, and that catalogue can hide a model it
  // retires (seen for openai/o3-mini in 1.18.33, not on every run). So: the chosen model, and all
  // but at most one of the written ones.
  // Retried: in two of a dozen runs here opencode's listing (built-in catalogue merged with ours) came back without gpt-4o.
  it('`opencode models openrouter` lists the chosen model and the written ones', { timeout: OPENCODE_TIMEOUT, retry: 2 }, async () => {
    const result = await run(OPENCODE, ['models', 'openrouter'], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const listed = new Set(result.stdout.split('\n').map((line) => line.trim()));
    const written = models.filter(isUsableByOpencode).map((model) => `openrouter/${model.id}`);
    expect(written.length).toBeGreaterThan(5);
    expect(listed.has('openrouter/openai/gpt-4o')).toBe(true);
    expect(written.filter((id) => !listed.has(id)).length).toBeLessThanOrEqual(1);
  });

  describe.skipIf(!keychainAvailable)(`through switchboard run${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
    it('`switchboard run -- opencode run -m openrouter/<id> "hi"` reaches OpenRouter with the stored key', { timeout: OPENCODE_TIMEOUT }, async () => {
      const { secrets, service } = isolatedSecretStore();
      await secrets.set('openrouter', KEY);
      const project = join(dir, 'project');
      await mkdir(project, { recursive: true });
      try {
        const result = await switchboard(['run', '--', OPENCODE, 'run', '-m', 'openrouter/openai/gpt-4o', 'hi'], {
          env: { ...env, DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'], SWITCHBOARD_KEYCHAIN_SERVICE: service, SWITCHBOARD_USER_DATA: join(dir, 'user-data') },
          cwd: project,
        });
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
