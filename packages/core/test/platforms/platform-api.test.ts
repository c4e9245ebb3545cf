import { startLiteLLMServer, startOpenRouterServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function openRouterSetup() {
  const server = await startOpenRouterServer();
  servers.push(server);
  const secrets = memorySecretStore();
  const api = createApi({ userDataDir: await tempDir(), secrets, env: { SWITCHBOARD_OPENROUTER_BASE_URL: `${server.url}/api/v1` } });
  return { server, secrets, api };
}

describe('OpenRouter through the API', () => {
  it('checks the key with /key before listing, because the model list is public', async () => {
    const { server, api } = await openRouterSetup();
    const result = await api['openrouter:test-connection']({ key: { mode: 'provided', value: 'sk-or-v1-wrong' } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', message: expect.stringMatching(/refused the API key/) } });
    expect(server.requests.map((request) => request.path)).toEqual(['/api/v1/key']);
  });

  it('connects with its fixed address, lists its models with metadata, and saves under its own account', async () => {
    const { api, secrets } = await openRouterSetup();
    const tested = await api['openrouter:test-connection']({ key: { mode: 'provided', value: 'sk-or-v1-test' } });
    expect(tested.ok && tested.value.modelIds).toContain('openai/gpt-4o');
    const enriched = await api['openrouter:fetch-metadata'](undefined);
    expect(enriched.ok && enriched.value.models.find((model) => model.id === 'openai/gpt-4o')?.contextLength).toBe(128_000);
    expect(tested.ok && tested.value.warning).toBeNull();
    const saved = await api['openrouter:set-config']({ key: { mode: 'provided', value: 'sk-or-v1-test' }, selectedModel: 'openai/gpt-4o' });
    expect(saved).toMatchObject({ ok: true, value: { connected: true, keyStored: true, selectedModel: 'openai/gpt-4o' } });
    expect(await secrets.get('openrouter')).toBe('sk-or-v1-test');
    expect(await secrets.get('litellm')).toBeNull();
  });

  it('refuses to save without a key', async () => {
    const { api } = await openRouterSetup();
    const saved = await api['openrouter:set-config']({ key: { mode: 'none' }, selectedModel: 'openai/gpt-4o' });
    expect(saved).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await api['openrouter:get-config'](undefined)).toMatchObject({ connected: false });
  });
});

describe('custom OpenAI-compatible endpoints through the API', () => {
  async function customSetup() {
    const vllm = await startLiteLLMServer({ metadata: false, masterKey: null });
    const lmStudio = await startLiteLLMServer({ metadata: false, masterKey: 'lm-key', deployments: [{ model_name: 'qwen-coder', litellm_params: { model: 'openai/qwen' } }] });
    servers.push(vllm, lmStudio);
    const secrets = memorySecretStore();
    const dir = await tempDir();
    return { vllm, lmStudio, secrets, open: () => createApi({ userDataDir: dir, secrets }) };
  }

  it('keeps several endpoints side by side, each with its own name and keychain account', async () => {
    const { vllm, lmStudio, secrets, open } = await customSetup();
    const api = open();
    const first = await api['custom:save-endpoint']({ name: 'My vLLM box', url: vllm.url, key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    const second = await api['custom:save-endpoint']({ name: 'LM Studio', url: `${lmStudio.url}/v1`, key: { mode: 'provided', value: 'lm-key' }, selectedModel: 'qwen-coder' });
    const again = await api['custom:save-endpoint']({ name: 'My vLLM box', url: vllm.url, key: { mode: 'none' }, selectedModel: null });
    expect([first, second, again].map((result) => result.ok && result.value.id)).toEqual(['my-vllm-box', 'lm-studio', 'my-vllm-box-2']);
    expect(await secrets.get('custom:lm-studio')).toBe('lm-key');
    expect(await secrets.get('custom:my-vllm-box')).toBeNull();

    const listed = await open()['custom:list-endpoints'](undefined);
    expect(listed.map((endpoint) => [endpoint.id, endpoint.name, endpoint.keyStored])).toEqual([
      ['my-vllm-box', 'My vLLM box', false],
      ['lm-studio', 'LM Studio', true],
      ['my-vllm-box-2', 'My vLLM box', false],
    ]);
    const models = await open()['custom:fetch-models']({ endpointId: 'lm-studio' });
    expect(models.ok && models.value.modelIds).toEqual(['qwen-coder']);
  });

  it("never gives an endpoint the id of Switchboard's platforms or of a provider opencode has itself", async () => {
    const { vllm, open } = await customSetup();
    const api = open();
    const ids: (string | false)[] = [];
    for (const name of ['LiteLLM', 'OpenRouter', 'OpenAI', 'Anthropic']) {
      const saved = await api['custom:save-endpoint']({ name, url: vllm.url, key: { mode: 'none' }, selectedModel: 'gpt-4o' });
      ids.push(saved.ok && saved.value.id);
    }
    // Its id is its key in opencode's config: "litellm" there is the LiteLLM platform's entry.
    expect(ids).toEqual(['litellm-2', 'openrouter-2', 'openai-2', 'anthropic-2']);
  });

  it('uses the limits a person typed for a model the server says nothing about', async () => {
    const { vllm, open } = await customSetup();
    const api = open();
    await api['custom:save-endpoint']({ name: 'vllm', url: vllm.url, key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    const limited = await api['custom:set-model-limits']({ endpointId: 'vllm', modelId: 'gpt-4o', limits: { contextLength: 32_768, maxOutputTokens: 4096 } });
    expect(limited).toMatchObject({ ok: true, value: { modelLimits: { 'gpt-4o': { contextLength: 32_768, maxOutputTokens: 4096 } } } });
    const reopened = open();
    await reopened['custom:fetch-models']({ endpointId: 'vllm' });
    const models = await reopened['custom:fetch-metadata']({ endpointId: 'vllm' });
    const gpt = models.ok ? models.value.models.find((model) => model.id === 'gpt-4o') : undefined;
    expect(gpt).toMatchObject({ contextLength: 32_768, maxOutputTokens: 4096, sources: { contextLength: 'user', maxOutputTokens: 'user' } });
    expect(models.ok && models.value.models.find((model) => model.id === 'fake-up')?.contextLength).toBeNull();

    // Cleared limits are gone everywhere at once, the cached list included.
    await api['custom:fetch-metadata']({ endpointId: 'vllm' });
    await api['custom:set-model-limits']({ endpointId: 'vllm', modelId: 'gpt-4o', limits: { contextLength: null, maxOutputTokens: null } });
    const cached = await api['custom:get-cached-models']({ endpointId: 'vllm' });
    expect(cached?.models.find((model) => model.id === 'gpt-4o')).toMatchObject({ contextLength: null, sources: {} });
  });

  it('says so when an endpoint does not exist, and removes one on disconnect', async () => {
    const { vllm, open } = await customSetup();
    const api = open();
    expect(await api['custom:set-model-limits']({ endpointId: 'nope', modelId: 'x', limits: { contextLength: 1, maxOutputTokens: 1 } })).toMatchObject({
      ok: false,
      error: { kind: 'not-configured' },
    });
    await api['custom:save-endpoint']({ name: 'vllm', url: vllm.url, key: { mode: 'none' }, selectedModel: null });
    await api['custom:disconnect']({ endpointId: 'vllm' });
    expect(await api['custom:list-endpoints'](undefined)).toEqual([]);
  });
});
