import { describe, expect, it } from 'vitest';
import { defaultDeployments, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMServerOptions } from '../src/index.js';
import { MASTER, useServers } from './support.js';

const track = useServers();

type Json = Record<string, unknown>;

const TEAM = { authorization: 'Bearer sk-team' };
const teamKeys: LiteLLMServerOptions['teamKeys'] = { 'sk-team': { sentinels: ['all-team-models'], models: ['gpt-4o', 'fake-up'] } };

async function get(url: string, headers: Record<string, string> = MASTER): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Json };
}

const names = (body: Json, field: string): string[] => (body['data'] as Json[]).map((entry) => entry[field] as string);

describe('team keys', () => {
  it('list only their sentinels in /v1/models, while the master key still sees every model', async () => {
    const server = await track(startLiteLLMServer({ teamKeys }));
    for (const path of ['/v1/models', '/models', '/v1/models?return_wildcard_routes=true']) {
      expect((await get(`${server.url}${path}`, TEAM)).body).toEqual({
        data: [{ id: 'all-team-models', object: 'model', created: 1677610602, owned_by: 'openai' }],
        object: 'list',
      });
    }
    expect(names((await get(`${server.url}/v1/models`)).body, 'id')).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama']);
  });

  it.each([
    ['/model_group/info', 'model_group'],
    ['/model/info', 'model_name'],
    ['/v1/model/info', 'model_name'],
    ['/v2/model/info', 'model_name'],
  ])('see only their models in %s', async (path, field) => {
    const server = await track(startLiteLLMServer({ teamKeys }));
    const { status, body } = await get(`${server.url}${path}`, TEAM);
    expect(status).toBe(200);
    expect(names(body, field)).toEqual(['gpt-4o', 'fake-up']);
    expect(names((await get(`${server.url}${path}`)).body, field)).toHaveLength(4);
  });

  it('see every model in the metadata routes when the team has no model list', async () => {
    const server = await track(startLiteLLMServer({ teamKeys: { 'sk-team': { sentinels: ['all-proxy-models'] } } }));
    expect(names((await get(`${server.url}/model_group/info`, TEAM)).body, 'model_group')).toHaveLength(4);
    expect(ids((await get(`${server.url}/v1/models`, TEAM)).body)).toEqual(['all-proxy-models']);
  });

  it('filter a model_group query and a single model by the team too', async () => {
    const server = await track(startLiteLLMServer({ teamKeys }));
    expect((await get(`${server.url}/model_group/info?model_group=claude-3-5-sonnet`, TEAM)).body).toEqual({ data: [] });
    expect(names((await get(`${server.url}/model_group/info?model_group=gpt-4o`, TEAM)).body, 'model_group')).toEqual(['gpt-4o']);
    expect((await get(`${server.url}/v1/models/gpt-4o`, TEAM)).status).toBe(200);
    expect((await get(`${server.url}/v1/models/claude-3-5-sonnet`, TEAM)).status).toBe(404);
  });

  it('see the expansions of a wildcard in their model list', async () => {
    const deployments = [...defaultDeployments(), { model_name: 'openai/*', litellm_params: { model: 'openai/*' } }];
    const server = await track(startLiteLLMServer({ deployments, teamKeys: { 'sk-team': { sentinels: ['all-team-models'], models: ['openai/*'] } } }));
    const groups = names((await get(`${server.url}/model_group/info`, TEAM)).body, 'model_group');
    expect(groups).toContain('openai/gpt-4o');
    expect(groups).toContain('openai/*');
    expect(groups).not.toContain('gpt-4o');
    expect(groups.every((group) => group.startsWith('openai/'))).toBe(true);
  });

  it('call their models and are refused the others with a sentence naming the model', async () => {
    const server = await track(startLiteLLMServer({ teamKeys }));
    const chat = (model: string): Promise<Response> =>
      fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: TEAM, body: JSON.stringify({ model, messages: [] }) });
    expect((await chat('gpt-4o')).status).toBe(200);
    const refused = await chat('claude-3-5-sonnet');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: {
        message: 'team not allowed to access model. This team can only access models=["gpt-4o","fake-up"]. Tried to access claude-3-5-sonnet',
        type: 'team_model_access_denied',
        param: 'model',
        code: '401',
      },
    });
  });

  it('live in a database: a wrong key gets 401 token_not_found_in_db, not 400 no_db_connection', async () => {
    const server = await track(startLiteLLMServer({ teamKeys }));
    const { status, body } = await get(`${server.url}/v1/models`, { authorization: 'Bearer sk-someone-else' });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { type: 'token_not_found_in_db', code: '401' } });
  });
});

describe('/v2/model/info', () => {
  it('answers the recorded 500 without a database', async () => {
    const server = await track(startLiteLLMServer());
    expect(await get(`${server.url}/v2/model/info`)).toEqual({
      status: 500,
      body: { detail: { error: 'DB not connected. See https://docs.litellm.ai/docs/proxy/virtual_keys' } },
    });
    expect((await get(`${server.url}/v2/model/info`, {})).status).toBe(401);
  });

  it.each<[string, LiteLLMServerOptions]>([
    ['a database', { database: true }],
    ['team keys', { teamKeys }],
    ["v2ModelInfo: 'ok'", { v2ModelInfo: 'ok' }],
  ])('lists what /model/info lists with %s', async (_, options) => {
    const server = await track(startLiteLLMServer(options));
    const v2 = await get(`${server.url}/v2/model/info`);
    expect(v2.status).toBe(200);
    expect(v2.body).toEqual((await get(`${server.url}/model/info`)).body);
  });

  it("is missing (404 before the key is checked) or forbidden on request", async () => {
    const server = await track(startLiteLLMServer({ database: true, v2ModelInfo: 'not-found' }));
    expect(await get(`${server.url}/v2/model/info`, {})).toEqual({ status: 404, body: { detail: 'Not Found' } });
    server.update({ v2ModelInfo: 'forbidden' });
    expect((await get(`${server.url}/v2/model/info`)).body).toMatchObject({ error: { type: 'auth_error', code: '403' } });
  });
});

describe('modelInfoEmpty (LiteLLM #41730)', () => {
  it('empties /model/info and /v1/model/info while /v2/model/info, /model_group/info and /v1/models still list the models', async () => {
    const server = await track(startLiteLLMServer({ modelInfoEmpty: true, database: true }));
    expect(await get(`${server.url}/model/info`)).toEqual({ status: 200, body: { data: [] } });
    expect(await get(`${server.url}/v1/model/info`)).toEqual({ status: 200, body: { data: [] } });
    expect(names((await get(`${server.url}/v2/model/info`)).body, 'model_name')).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama']);
    expect(names((await get(`${server.url}/model_group/info`)).body, 'model_group')).toHaveLength(4);
    expect(ids((await get(`${server.url}/v1/models`)).body)).toHaveLength(4);
  });
});

describe('single deployments and helper routes', () => {
  it('finds a deployment by litellm_model_id and 400s an unknown one', async () => {
    const server = await track(startLiteLLMServer());
    const all = (await get(`${server.url}/model/info`)).body['data'] as Json[];
    const id = (all[1]?.['model_info'] as Json)['id'] as string;
    expect((await get(`${server.url}/model/info?litellm_model_id=${id}`)).body).toEqual({ data: [all[1]] });
    expect((await get(`${server.url}/model/info?litellm_model_id=nope`)).status).toBe(400);
  });

  it('redirects /ui to /ui/ and serves the admin page without a key', async () => {
    const server = await track(startLiteLLMServer());
    const bare = await fetch(`${server.url}/ui`, { redirect: 'manual' });
    expect(bare.status).toBe(307);
    expect(bare.headers.get('location')).toBe('/ui/');
    const page = await fetch(`${server.url}/ui/?login=success`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>LiteLLM Dashboard');
  });

  it('asks for the model of /utils/supported_openai_params with a 422', async () => {
    const server = await track(startLiteLLMServer());
    const { status, body } = await get(`${server.url}/utils/supported_openai_params`);
    expect(status).toBe(422);
    expect(body).toEqual({ detail: [{ type: 'missing', loc: ['query', 'model'], msg: 'Field required', input: null }] });
  });
});

function ids(body: Json): string[] {
  return names(body, 'id');
}
