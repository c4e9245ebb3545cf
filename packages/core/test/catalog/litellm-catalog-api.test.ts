import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { fixturesDir, startLiteLLMServer, startStaticServer, type LiteLLMServerOptions, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const KEY = 'sk-master-1234';
const MAP_TEXT = readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8');
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(proxyOptions: LiteLLMServerOptions = {}) {
  const proxy = await startLiteLLMServer(proxyOptions);
  const mapServer = await startStaticServer({ '/map.json': { contentType: 'application/json', body: MAP_TEXT } });
  servers.push(proxy, mapServer);
  const clock = { now: 1_700_000_000_000 };
  const dir = await tempDir();
  const secrets = memorySecretStore();
  const open = (): SwitchboardApi =>
    createApi({
      userDataDir: dir,
      secrets,
      env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${mapServer.url}/map.json` },
      overrides: { now: () => clock.now },
    });
  return { proxy, mapServer, clock, api: open(), open };
}

async function enrichedModels(api: SwitchboardApi) {
  const result = await api['litellm:fetch-metadata'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return new Map(result.value.models.map((model) => [model.id, model]));
}

describe('the model catalog for LiteLLM', () => {
  it('lists ids first, then, once asked, the metadata the proxy gives, with its source', async () => {
    const { api, proxy, mapServer } = await setup();
    const listed = await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
    expect(listed.ok && listed.value.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama']);
    // Nothing more is fetched until the metadata is wanted: it must not compete with showing the ids.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.requests.map((request) => request.path)).toEqual(['/v1/models']);
    expect(mapServer.requests).toEqual([]);
    const gpt = (await enrichedModels(api)).get('gpt-4o');
    expect(gpt).toMatchObject({ provider: 'openai', contextLength: 128_000, inputCostPerMillion: 2.5, supportsVision: true, mode: 'chat' });
    expect(gpt?.sources.contextLength).toBe('proxy');
    expect(proxy.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/v1/models', '/model_group/info', '/model/info']));
  });

  it.each([
    ['absent (404, an older proxy)', 'not-found'],
    ['refused (403, a restricted key)', 'forbidden'],
  ] as const)('falls back to the public map when /model_group/info is %s', async (_case, availability) => {
    const { api, proxy } = await setup({ modelGroupInfo: availability, modelInfo: availability });
    const listed = await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
    expect(listed.ok).toBe(true);
    const models = await enrichedModels(api);
    expect(models.get('gpt-4o')).toMatchObject({ contextLength: 128_000, sources: { contextLength: 'public-map' } });
    // Without /model/info nobody says what is behind the alias "claude-3-5-sonnet" or "fake-up".
    expect(models.get('fake-up')).toMatchObject({ contextLength: null, sources: {} });
  });

  it('does not hold the list up when the public map never answers', async () => {
    const { proxy } = await setup();
    const hanging = await startLiteLLMServer({ failure: 'hang' });
    servers.push(hanging);
    const dir = await tempDir();
    const api = createApi({ userDataDir: dir, secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${hanging.url}/map.json` } });
    const started = performance.now();
    const listed = await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
    expect(listed.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('caches the saved connection list, shows it after a restart, and marks it stale after its lifetime', async () => {
    const { api, proxy, clock, open } = await setup();
    await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
    await api['litellm:set-config']({ url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    await enrichedModels(api);
    await expect.poll(async () => (await open()['litellm:get-cached-models'](undefined))?.models.length).toBe(4);

    const restarted = open();
    const fresh = await restarted['litellm:get-cached-models'](undefined);
    expect(fresh).toMatchObject({ url: proxy.url, stale: false });
    expect(fresh?.models.find((model) => model.id === 'gpt-4o')?.contextLength).toBe(128_000);

    clock.now += 5 * 60 * 1000 + 1;
    expect(await restarted['litellm:get-cached-models'](undefined)).toMatchObject({ stale: true });
  });

  it('keeps the last list when the proxy cannot be reached, and says why', async () => {
    const { api, proxy, open } = await setup();
    await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
    await api['litellm:set-config']({ url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    await enrichedModels(api);
    await expect.poll(async () => (await open()['litellm:get-cached-models'](undefined))?.models.length).toBe(4);
    await proxy.close();

    const restarted = open();
    const refreshed = await restarted['litellm:fetch-models'](undefined);
    expect(refreshed).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect((await restarted['litellm:get-cached-models'](undefined))?.models).toHaveLength(4);
  });
});
