import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUsableByOpencode, listLiteLLMCatalog, litellmPlatform } from '@switchboard/core';
import type { Model } from '@switchboard/shared';
import { defaultDeployments, DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { isolatedOpencodeEnv, OPENCODE, parseVerboseModels } from './support/opencode.js';
import { runOpencodeThroughSwitchboard, writeOpencodeConfig } from './support/opencode-flow.js';
import { run } from './support/spawn-cli.js';

// The real binary starts in a few seconds, but its first run in a fresh home unpacks things.
const OPENCODE_TIMEOUT = 60_000;

/**
 * Switchboard's whole path, for real: a LiteLLM proxy (the test server),
 * core's catalog, the config writer, then the actual opencode 1.18.33 reading
 * that config and talking to the proxy, with the key coming from the keychain
 * through `switchboard run`.
 */
describe('the written config in the real opencode', () => {
  let server: LiteLLMServer;
  let dir: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;
  let models: Model[];

  beforeAll(async () => {
    server = await startLiteLLMServer({
      deployments: [
        ...defaultDeployments(),
        // Not a chat model: must not reach opencode.
        { model_name: 'text-embedding-3-small', litellm_params: { model: 'openai/text-embedding-3-small', api_key: 'x' } },
        // An id with a slash: opencode must split "litellm/openai/gpt-4o-mini" at the first one only.
        { model_name: 'openai/gpt-4o-mini', litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'x' } },
      ],
    });
    dir = await mkdtemp(join(tmpdir(), 'switchboard-opencode-'));
    configFile = join(dir, 'config', 'opencode.jsonc');
    env = await isolatedOpencodeEnv(dir, configFile);
    await mkdir(join(dir, 'config'));
    // The user's own file, with a comment and a provider of their own: both must survive and opencode must accept the result.
    await writeFile(configFile, '{\n  // mine\n  "username": "ada",\n  "provider": {\n    "anthropic": { "options": { "timeout": 600000 } }\n  }\n}\n');

    const client = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 5_000, maxBytes: 16 * 1024 * 1024 };
    const listing = await listLiteLLMCatalog(client, { load: async () => null }, server.url, DEFAULT_MASTER_KEY);
    models = await listing.enrich();
    await writeOpencodeConfig({ platform: litellmPlatform, instanceId: 'litellm', baseUrl: server.url, models, configFile, modelId: 'gpt-4o' });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the key off the disk', async () => {
    const text = await readFile(configFile, 'utf8');
    expect(text).toContain('"apiKey": "{env:LITELLM_API_KEY}"');
    expect(text).toContain('// mine');
    expect(text).not.toContain(DEFAULT_MASTER_KEY);
  });

  it('`opencode models litellm` lists exactly the written models', { timeout: OPENCODE_TIMEOUT }, async () => {
    const result = await run(OPENCODE, ['models', 'litellm'], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const listed = result.stdout.trim().split('\n').sort();
    const written = models.filter(isUsableByOpencode).map((model) => `litellm/${model.id}`).sort();
    expect(listed).toEqual(written);
    expect(listed).toEqual(['litellm/claude-3-5-sonnet', 'litellm/fake-up', 'litellm/gpt-4o', 'litellm/local-llama', 'litellm/openai/gpt-4o-mini']);
  });

  it('opencode reads the metadata as written: limits, prices, vision, and its own defaults for the unknown', { timeout: OPENCODE_TIMEOUT }, async () => {
    const result = await run(OPENCODE, ['models', 'litellm', '--verbose'], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const seen = parseVerboseModels(result.stdout);
    expect(seen.get('litellm/gpt-4o')).toMatchObject({
      providerID: 'litellm',
      api: { npm: '@ai-sdk/openai-compatible' },
      limit: { context: 128_000, output: 16_384 },
      cost: { input: 2.5, output: 10 },
      capabilities: { toolcall: true, reasoning: false, attachment: true, input: { text: true, image: true } },
    });
    expect(seen.get('litellm/fake-up')).toMatchObject({ limit: { context: 0, output: 0 }, capabilities: { attachment: false, input: { image: false } } });
  });

  describe.skipIf(!keychainAvailable)(`through switchboard run${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
    it('`switchboard run -- opencode run -m litellm/<id> "hi"` reaches the proxy with the stored key and prints the reply', { timeout: OPENCODE_TIMEOUT }, async () => {
      const { secrets, service } = isolatedSecretStore();
      await secrets.set('litellm', DEFAULT_MASTER_KEY);
      const before = server.requests.length;
      try {
        const result = await runOpencodeThroughSwitchboard({ env, dir, service, model: 'litellm/openai/gpt-4o-mini' });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('Hi from upstream');
        const chats = server.requests.slice(before).filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');
        expect(chats.length).toBeGreaterThan(0);
        for (const chat of chats) expect(chat.headers['authorization']).toBe(`Bearer ${DEFAULT_MASTER_KEY}`);
        const bodies = chats.map((chat) => JSON.parse(chat.body) as { model: string; stream?: boolean });
        expect(bodies).toContainEqual(expect.objectContaining({ model: 'openai/gpt-4o-mini', stream: true }));
        expect(result.stderr).not.toContain(DEFAULT_MASTER_KEY);
      } finally {
        await secrets.delete('litellm');
      }
    });
  });
});
