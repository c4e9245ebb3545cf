import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { fixturesDir, generateDeployments, startLiteLLMServer, startOpenRouterServer, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

// The metadata of the rows on screen, asked before the rest (README, "Ids first, metadata after"): a few
// small questions to the proxy, the same figures the whole answer gives, and nothing of the whole answer's cost.

const KEY = 'sk-master-1234';
const MAP_TEXT = readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8');
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(env: (urls: { map: string }) => NodeJS.ProcessEnv = () => ({})) {
  const mapServer = await startStaticServer({ '/map.json': { contentType: 'application/json', body: MAP_TEXT } });
  servers.push(mapServer);
  const map = `${mapServer.url}/map.json`;
  const api: SwitchboardApi = createApi({ userDataDir: await tempDir(), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: map, ...env({ map }) } });
  return api;
}

async function litellm(options: Parameters<typeof startLiteLLMServer>[0] = {}) {
  const proxy = await startLiteLLMServer(options);
  servers.push(proxy);
  const api = await setup();
  const listed = await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
  if (!listed.ok) throw new Error(listed.error.message);
  return { proxy, api, ids: listed.value.modelIds };
}

const metadataPaths = (proxy: RunningServer) => proxy.requests.map((request) => request.path).filter((path) => path !== '/v1/models');

describe('the metadata of a few models (fetch-metadata-of)', () => {
  it("LiteLLM: asks each model's own group, and gives the figures the whole answer gives for them", async () => {
    const { proxy, api } = await litellm();
    const some = await api['litellm:fetch-metadata-of']({ ids: ['gpt-4o', 'claude-3-5-sonnet', 'not-listed'] });
    expect(some.ok).toBe(true);
    if (!some.ok) return;
    expect(some.value.models.map((model) => model.id)).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    expect(metadataPaths(proxy).sort()).toEqual(['/model_group/info?model_group=claude-3-5-sonnet', '/model_group/info?model_group=gpt-4o']);

    const whole = await api['litellm:fetch-metadata'](undefined);
    if (!whole.ok) throw new Error(whole.error.message);
    // What a row shows at once; the deployments' own facts (the model behind an alias) come with the whole answer.
    const shown = ({ provider, mode, contextLength, maxOutputTokens, inputCostPerMillion, outputCostPerMillion, supportsVision, supportsTools }: (typeof some.value.models)[number]) =>
      ({ provider, mode, contextLength, maxOutputTokens, inputCostPerMillion, outputCostPerMillion, supportsVision, supportsTools });
    for (const model of some.value.models) {
      const later = whole.value.models.find((other) => other.id === model.id);
      expect(later && shown(later)).toEqual(shown(model));
    }
    expect(shown(some.value.models[0] as (typeof some.value.models)[number])).toMatchObject({ contextLength: 128_000, inputCostPerMillion: 2.5, supportsVision: true });
  });

  it('LiteLLM: once the whole answer is in, answers from it without asking the proxy again', async () => {
    const { proxy, api } = await litellm();
    const whole = await api['litellm:fetch-metadata'](undefined);
    if (!whole.ok) throw new Error(whole.error.message);
    const before = proxy.requests.length;
    const some = await api['litellm:fetch-metadata-of']({ ids: ['local-llama'] });
    expect(some.ok && some.value.models).toEqual(whole.value.models.filter((model) => model.id === 'local-llama'));
    expect(some.ok && some.value.models[0]?.underlying).not.toBeNull();
    expect(proxy.requests.length).toBe(before);
  });

  it('LiteLLM at 10,000 models: a screen of rows costs a screen of small answers, asked before the whole list', async () => {
    const { proxy, api, ids } = await litellm({ deployments: generateDeployments(10_000) });
    const screen = ids.slice(0, 20);
    const some = await api['litellm:fetch-metadata-of']({ ids: screen });
    expect(some.ok && some.value.models.map((model) => model.id)).toEqual(screen);
    expect(some.ok && some.value.models.filter((model) => model.contextLength !== null).length).toBeGreaterThan(0);
    // The whole answer follows by itself once the rows have theirs (it is kept), never before them.
    const asked = metadataPaths(proxy);
    const perModel = asked.filter((path) => path.startsWith('/model_group/info?model_group='));
    expect(perModel).toHaveLength(20);
    expect(asked.slice(0, 20)).toEqual(perModel);
  });

  it('a page of more than a screen is cut from the whole answer, asked once, not model by model', async () => {
    const { proxy, api, ids } = await litellm({ deployments: generateDeployments(300) });
    const pages = [ids.slice(0, 100), ids.slice(100, 200), ids.slice(200)];
    const answers = await Promise.all(pages.map((page) => api['litellm:fetch-metadata-of']({ ids: page })));
    expect(answers.map((answer) => (answer.ok ? answer.value.models.map((model) => model.id) : answer.error.message))).toEqual(pages);
    expect(metadataPaths(proxy).sort()).toEqual(['/model/info', '/model_group/info']);
  });

  it('once the rows on screen have theirs, the whole answer follows by itself, and the saved connection keeps it for the next start', async () => {
    const proxy = await startLiteLLMServer();
    servers.push(proxy);
    const api = await setup();
    await api['litellm:set-config']({ url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    await api['litellm:fetch-models'](undefined);
    await api['litellm:fetch-metadata-of']({ ids: ['gpt-4o'] });
    await expect.poll(async () => (await api['litellm:get-cached-models'](undefined))?.models.find((model) => model.id === 'local-llama')?.underlying ?? null).not.toBeNull();
    expect(metadataPaths(proxy)).toEqual(expect.arrayContaining(['/model_group/info?model_group=gpt-4o', '/model_group/info', '/model/info']));
  });

  it('a model id with characters a query string carries escaped reaches the proxy as that id', async () => {
    const { proxy, api } = await litellm({ deployments: [{ model_name: 'team/a b&c=d', litellm_params: { model: 'openai/gpt-4o' }, model_info: { max_input_tokens: 64_000 } }] });
    const some = await api['litellm:fetch-metadata-of']({ ids: ['team/a b&c=d'] });
    expect(some.ok && some.value.models.map((model) => [model.id, model.contextLength])).toEqual([['team/a b&c=d', 64_000]]);
    expect(metadataPaths(proxy)).toEqual(['/model_group/info?model_group=team%2Fa%20b%26c%3Dd']);
  });

  it('a proxy that will not say (no /model_group/info, an older one) leaves the figures to the public map, never fails', async () => {
    const { api } = await litellm({ modelGroupInfo: 'not-found' });
    const some = await api['litellm:fetch-metadata-of']({ ids: ['gpt-4o'] });
    expect(some.ok && some.value.models[0]).toMatchObject({ id: 'gpt-4o', contextLength: 128_000 });
  });

  it('OpenRouter: its list carries the metadata already, so no request leaves', async () => {
    const openrouter = await startOpenRouterServer();
    servers.push(openrouter);
    const api = await setup(() => ({ SWITCHBOARD_OPENROUTER_BASE_URL: `${openrouter.url}/api/v1` }));
    const listed = await api['openrouter:test-connection']({ key: { mode: 'provided', value: 'sk-or-v1-test' } });
    if (!listed.ok) throw new Error(listed.error.message);
    const before = openrouter.requests.length;
    const first = listed.value.modelIds[0] as string;
    const some = await api['openrouter:fetch-metadata-of']({ ids: [first] });
    expect(some.ok && some.value.models.map((model) => model.id)).toEqual([first]);
    expect(some.ok && some.value.models[0]?.contextLength).not.toBeNull();
    expect(openrouter.requests.length).toBe(before);
  });

  it('before any listing, says to test the connection first', async () => {
    const api = await setup();
    expect(await api['litellm:fetch-metadata-of']({ ids: ['gpt-4o'] })).toMatchObject({ ok: false, error: { kind: 'not-configured', message: 'There is no model list yet. Test the connection first.' } });
  });
});
