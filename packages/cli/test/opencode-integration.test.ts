import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUsableByOpencode, listLiteLLMCatalog, litellmPlatform } from '@switchboard/core';
import { opencodeRoute, type Model } from '@switchboard/shared';
import { defaultDeployments, DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { isolatedOpencodeEnv, OPENCODE, OPENCODE_MISSING, opencodeModelsVerbose } from './support/opencode.js';
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
describe.skipIf(OPENCODE_MISSING !== null)(`the written config in the real opencode${OPENCODE_MISSING === null ? '' : ` (${OPENCODE_MISSING})`}`, () => {
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
        // A wildcard route: its expansions include openai/gpt-4o beside the alias gpt-4o, and Responses-only models such as openai/o1-pro.
        { model_name: 'openai/*', litellm_params: { model: 'openai/*', api_key: 'x' } },
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
    expect(listed).toEqual(
      expect.arrayContaining(['litellm/claude-3-5-sonnet', 'litellm/fake-up', 'litellm/gpt-4o', 'litellm/local-llama', 'litellm/openai/gpt-4o-mini', 'litellm/openai/gpt-4o']),
    );
    for (const leftOut of ['litellm/text-embedding-3-small', 'litellm/openai/o1-pro', 'litellm/openai/*']) expect(listed).not.toContain(leftOut);
  });

  it('opencode shows every written model under a name of its own: the alias and the expansion of gpt-4o are not twins', { timeout: OPENCODE_TIMEOUT }, async () => {
    const result = await opencodeModelsVerbose('litellm', { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const seen = result.models;
    const names = [...seen.values()].map((model) => String(model['name']).toLowerCase());
    expect(new Set(names).size).toBe(seen.size);
    expect(seen.get('litellm/gpt-4o')).toMatchObject({ name: 'gpt-4o' });
    expect(seen.get('litellm/openai/gpt-4o')).toMatchObject({ name: 'openai/gpt-4o' });
  });

  it('opencode reads the metadata as written: limits, prices, vision, and its own defaults for the unknown', { timeout: OPENCODE_TIMEOUT }, async () => {
    const result = await opencodeModelsVerbose('litellm', { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const seen = result.models;
    expect(seen.get('litellm/gpt-4o')).toMatchObject({
      providerID: 'litellm',
      api: { npm: '@ai-sdk/openai-compatible' },
      limit: { context: 128_000, output: 16_384 },
      cost: { input: 2.5, output: 10 },
      capabilities: { toolcall: true, reasoning: false, attachment: true, input: { text: true, image: true } },
    });
    expect(seen.get('litellm/fake-up')).toMatchObject({ limit: { context: 0, output: 0 }, capabilities: { attachment: false, input: { image: false } } });
  });

  describe('with "Also write models that only speak the Responses API" on', () => {
    let responsesFile: string;
    let responsesEnv: NodeJS.ProcessEnv;

    beforeAll(async () => {
      responsesFile = join(dir, 'config', 'responses.json');
      responsesEnv = { ...env, OPENCODE_CONFIG: responsesFile };
      await writeOpencodeConfig({
        platform: litellmPlatform,
        instanceId: 'litellm',
        baseUrl: server.url,
        models,
        configFile: responsesFile,
        modelId: 'openai/o1-pro',
        writeResponsesOnly: true,
      });
    });

    it('opencode accepts the entry and lists the Responses-only models with its OpenAI SDK', { timeout: OPENCODE_TIMEOUT }, async () => {
      const result = await opencodeModelsVerbose('litellm', { env: responsesEnv, cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const seen = result.models;
      expect([...seen.keys()].sort()).toEqual(models.filter((model) => opencodeRoute(model, true) !== null).map((model) => `litellm/${model.id}`).sort());
      expect(seen.get('litellm/openai/o1-pro')).toMatchObject({ api: { npm: '@ai-sdk/openai' } });
      expect(seen.get('litellm/gpt-4o')).toMatchObject({ api: { npm: '@ai-sdk/openai-compatible' } });
    });

    it('`opencode run -m litellm/openai/o1-pro` calls the proxy\'s /v1/responses, not /v1/chat/completions', { timeout: OPENCODE_TIMEOUT }, async () => {
      const before = server.requests.length;
      const project = join(dir, 'responses-project');
      await mkdir(project, { recursive: true });
      await run(OPENCODE, ['run', '-m', 'litellm/openai/o1-pro', 'hi'], { env: { ...responsesEnv, LITELLM_API_KEY: DEFAULT_MASTER_KEY }, cwd: project });
      const calls = server.requests.slice(before).filter((request) => request.method === 'POST');
      const responses = calls.filter((request) => request.path === '/v1/responses');
      expect(responses.length, JSON.stringify(calls.map((request) => request.path))).toBeGreaterThan(0);
      expect(JSON.parse(responses[0]?.body ?? '{}')).toMatchObject({ model: 'openai/o1-pro' });
      expect(responses[0]?.headers['authorization']).toBe(`Bearer ${DEFAULT_MASTER_KEY}`);
      expect(calls.filter((request) => request.path === '/v1/chat/completions')).toEqual([]);
    });
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
