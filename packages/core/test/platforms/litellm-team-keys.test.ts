import { contract, type SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, startStaticServer, type LiteLLMServerOptions, type RunningServer, type StaticRoute } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const TEAM_KEY = 'sk-team-0123456789';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function apiFor(server: RunningServer): Promise<SwitchboardApi> {
  servers.push(server);
  // No public map: nothing may reach outside the machine, and these tests are about the proxy's word.
  return createApi({ userDataDir: await tempDir(), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
}

async function teamProxy(options: LiteLLMServerOptions = {}) {
  const server = await startLiteLLMServer({
    version: '1.81.0',
    teamKeys: { [TEAM_KEY]: { sentinels: ['all-team-models'], models: ['gpt-4o', 'claude-3-5-sonnet'] } },
    ...options,
  });
  return { server, api: await apiFor(server) };
}

async function connect(api: SwitchboardApi, url: string) {
  const tested = await api['litellm:test-connection']({ url, key: { mode: 'provided', value: TEAM_KEY } });
  expect(contract['litellm:test-connection'].output.safeParse(tested).success, 'the answer keeps the contract').toBe(true);
  if (!tested.ok) throw new Error(tested.error.message);
  return tested.value;
}

const metadataPaths = (server: RunningServer) => server.requests.map((request) => request.path).filter((path) => path !== '/v1/models');

describe('a LiteLLM key that belongs to a team', () => {
  it('gets its list from /model_group/info, never offers the sentinel, and says that the key decides what is listed', async () => {
    const { server, api } = await teamProxy();
    const tested = await connect(api, server.url);
    expect(tested.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    expect(tested.accessNote).toMatch(/This key's access decides what is listed.*"all-team-models".*\/model_group\/info/);
    expect(metadataPaths(server)).toEqual(['/model_group/info']);
  });

  it('keeps the note on a later refresh of the saved connection', async () => {
    const { server, api } = await teamProxy();
    await connect(api, server.url);
    const saved = await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: TEAM_KEY }, selectedModel: 'gpt-4o' });
    expect(saved.ok).toBe(true);
    const refreshed = await api['litellm:fetch-models'](undefined);
    expect(contract['litellm:fetch-models'].output.safeParse(refreshed).success).toBe(true);
    expect(refreshed).toMatchObject({ ok: true, value: { modelIds: ['gpt-4o', 'claude-3-5-sonnet'], accessNote: expect.stringMatching(/all-team-models/) } });
  });

  it('keeps the note with the cached list, so the next start shows both', async () => {
    const server = await startLiteLLMServer({ version: '1.81.0', teamKeys: { [TEAM_KEY]: { sentinels: ['all-team-models'], models: ['gpt-4o'] } } });
    servers.push(server);
    const userDataDir = await tempDir();
    const open = () => createApi({ userDataDir, secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
    const api = await open();
    await connect(api, server.url);
    await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: TEAM_KEY }, selectedModel: 'gpt-4o' });
    await api['litellm:fetch-metadata'](undefined);
    // The list is cached once its metadata is in; that write follows the answer.
    await expect.poll(async () => (await api['litellm:get-cached-models'](undefined))?.accessNote).toMatch(/all-team-models/);
    const restarted = await (await open())['litellm:get-cached-models'](undefined);
    expect(contract['litellm:get-cached-models'].output.safeParse(restarted).success).toBe(true);
    expect(restarted).toMatchObject({ url: server.url, models: [{ id: 'gpt-4o' }], accessNote: expect.stringMatching(/This key's access decides what is listed/) });
  });

  it('describes the models listed that way, reusing the answer it listed them from', async () => {
    const { server, api } = await teamProxy();
    await connect(api, server.url);
    const metadata = await api['litellm:fetch-metadata'](undefined);
    if (!metadata.ok) throw new Error(metadata.error.message);
    const sonnet = metadata.value.models.find((model) => model.id === 'claude-3-5-sonnet');
    expect(sonnet).toMatchObject({ contextLength: 200_000, description: 'my sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022' });
    expect(metadataPaths(server).filter((path) => path === '/model_group/info')).toHaveLength(1);
  });

  it('falls back to /v1/model/info when /model_group/info is not there', async () => {
    const { server, api } = await teamProxy({ modelGroupInfo: 'not-found' });
    const tested = await connect(api, server.url);
    expect(tested.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    expect(tested.accessNote).toMatch(/come from \/v1\/model\/info/);
    expect(metadataPaths(server)).toEqual(['/model_group/info', '/v1/model/info']);
  });

  it('then to /v2/model/info when /v1/model/info answers an empty list (LiteLLM #41730)', async () => {
    const { server, api } = await teamProxy({ modelGroupInfo: 'not-found', modelInfoEmpty: true });
    const tested = await connect(api, server.url);
    expect(tested.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    expect(tested.accessNote).toMatch(/come from \/v2\/model\/info/);
    expect(metadataPaths(server)).toEqual(['/model_group/info', '/v1/model/info', '/v2/model/info']);
  });

  it('says the key sees no models when its team has none, rather than an empty list without a word', async () => {
    const server = await startLiteLLMServer({ version: '1.81.0', teamKeys: { [TEAM_KEY]: { sentinels: ['no-default-models'], models: [] } } });
    const tested = await connect(await apiFor(server), server.url);
    expect(tested.modelIds).toEqual([]);
    expect(tested.accessNote).toMatch(/^This key sees no models: .*"no-default-models".*Ask the proxy's admin/);
  });

  it('says the list could not be read when no metadata endpoint answers with one', async () => {
    const { server, api } = await teamProxy({ modelGroupInfo: 'forbidden', modelInfo: 'forbidden', v2ModelInfo: 'not-found' });
    const tested = await connect(api, server.url);
    expect(tested.modelIds).toEqual([]);
    expect(tested.accessNote).toMatch(/did not say what that is.*none of \/model_group\/info, \/v1\/model\/info or \/v2\/model\/info answered with a list/);
  });

  it('lists every model as before for the master key of the same proxy, without a note', async () => {
    const { server, api } = await teamProxy();
    const tested = await api['litellm:test-connection']({ url: server.url, key: { mode: 'provided', value: 'sk-master-1234' } });
    expect(tested.ok && tested.value).toMatchObject({ modelIds: ['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama'] });
    expect(tested.ok && 'accessNote' in tested.value).toBe(false);
  });
});

describe('a model list that mixes sentinels with models', () => {
  const list = (ids: string[]): StaticRoute => ({ contentType: 'application/json', body: JSON.stringify({ object: 'list', data: ids.map((id) => ({ id, object: 'model' })) }) });

  it('keeps the models, drops the sentinels, and still says the key is scoped, without asking anything else', async () => {
    const server = await startStaticServer({ '/v1/models': list(['all-team-models', 'gpt-4o', 'all-proxy-models', 'claude-3-5-sonnet']) });
    const tested = await connect(await apiFor(server), server.url);
    expect(tested.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    expect(tested.accessNote).toMatch(/This key's access decides what is listed: .*"all-team-models" and "all-proxy-models"/);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/models']);
  });
});
