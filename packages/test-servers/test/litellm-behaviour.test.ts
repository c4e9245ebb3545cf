import { describe, expect, it } from 'vitest';
import { generateDeployments, loadPublicModelMap, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMDeployment } from '../src/index.js';
import { MASTER, recordedCase, useServers } from './support.js';

const track = useServers();

type Json = Record<string, unknown>;

async function getJson(url: string, headers: Record<string, string> = MASTER): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Json };
}

function ids(body: Json): string[] {
  return (body['data'] as { id: string }[]).map((model) => model.id);
}

describe('auth', () => {
  it('accepts any request, keyed or not, when there is no master key', async () => {
    const server = await track(startLiteLLMServer({ masterKey: null }));
    expect((await getJson(`${server.url}/v1/models`, {})).status).toBe(200);
    expect((await getJson(`${server.url}/v1/models`, { authorization: 'Bearer anything' })).status).toBe(200);
    expect((await getJson(`${server.url}/model/info`, {})).status).toBe(200);
  });

  it('accepts virtual keys on the metadata routes, via either header', async () => {
    const server = await track(startLiteLLMServer({ virtualKeys: ['sk-team-1'] }));
    for (const path of ['/v1/models', '/model/info', '/model_group/info', '/health']) {
      expect((await getJson(`${server.url}${path}`, { authorization: 'Bearer sk-team-1' })).status).toBe(200);
    }
    expect((await getJson(`${server.url}/v1/models`, { 'x-litellm-api-key': 'sk-team-1' })).status).toBe(200);
  });

  it('answers 401 token_not_found_in_db for a wrong key when backed by a database', async () => {
    const server = await track(startLiteLLMServer({ database: true }));
    const { status, body } = await getJson(`${server.url}/v1/models`, { authorization: 'Bearer sk-wrong-key-123' });
    expect(status).toBe(401);
    expect(body).toEqual({
      error: { message: expect.stringMatching(/^Authentication Error, Invalid proxy server token passed\./), type: 'token_not_found_in_db', param: 'None', code: '401' },
    });
    expect(JSON.stringify(body)).not.toContain('sk-wrong-key-123');
  });

  it('needs no key for GET /, liveliness and readiness, but does for /health', async () => {
    const server = await track(startLiteLLMServer());
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await root.text()).toContain('Swagger UI');
    expect((await getJson(`${server.url}/health/readiness`, {})).status).toBe(200);
    const health = await getJson(`${server.url}/health`);
    expect(health.body).toMatchObject({ healthy_count: 3, unhealthy_count: 1 });
  });

  it('404s an unknown route before checking the key, and 405s a wrong method', async () => {
    const server = await track(startLiteLLMServer());
    expect(await getJson(`${server.url}/nope`, {})).toEqual({ status: 404, body: { detail: 'Not Found' } });
    const post = await fetch(`${server.url}/v1/models`, { method: 'POST', headers: MASTER });
    expect(post.status).toBe(405);
  });
});

describe('model lists and metadata', () => {
  it('lists a wildcard literally, then every public-map model of its provider with the alias prefix', async () => {
    const deployments: LiteLLMDeployment[] = [
      { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' } },
      { model_name: 'openai/*', litellm_params: { model: 'openai/*' } },
    ];
    const server = await track(startLiteLLMServer({ deployments }));
    const listed = ids((await getJson(`${server.url}/v1/models`)).body);
    const map = loadPublicModelMap() as Record<string, { litellm_provider?: string; mode?: string }>;
    // litellm.models_by_provider["openai"] is its chat list plus its text-completion list (babbage-002, ...).
    const openaiKeys = Object.keys(map).filter((key) => ['openai', 'text-completion-openai'].includes(map[key]?.litellm_provider ?? ''));
    // The map holds both "sora-2" and "openai/sora-2"; both become "openai/sora-2", listed once.
    const expanded = new Set(openaiKeys.map((key) => (key.startsWith('openai') ? key : `openai/${key}`)));
    expect(expanded.size).toBeLessThan(openaiKeys.length);
    expect(listed.slice(0, 2)).toEqual(['gpt-4o', 'openai/*']);
    expect(listed).toContain('openai/gpt-4o');
    expect(listed).toContain('openai/text-embedding-3-small');
    expect(listed).toContain('openai/dall-e-3');
    expect(listed).toContain('openai/babbage-002');
    expect(listed).toHaveLength(2 + expanded.size);
    expect(new Set(listed).size).toBe(listed.length);
    // A wildcard-matched model can be chatted with and looked up.
    const one = await getJson(`${server.url}/v1/models/openai/gpt-4o-mini`);
    expect(one).toEqual({ status: 200, body: { id: 'openai/gpt-4o-mini', object: 'model', created: 1677610602, owned_by: 'openai' } });
    const chat = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"openai/gpt-4o-mini","messages":[]}' });
    expect(chat.status).toBe(200);
  });

  it('keeps an already prefixed key as it is when expanding (gemini/*)', async () => {
    const server = await track(startLiteLLMServer({ deployments: [{ model_name: 'gemini/*', litellm_params: { model: 'gemini/*' } }] }));
    const listed = ids((await getJson(`${server.url}/v1/models`)).body);
    expect(listed).toContain('gemini/gemini-1.5-flash');
    expect(listed.some((id) => id.startsWith('gemini/gemini/'))).toBe(false);
  });

  it('merges public-map metadata into /model/info with deployment model_info winning', async () => {
    const deployments: LiteLLMDeployment[] = [
      { model_name: 'big', litellm_params: { model: 'openai/gpt-4o' }, model_info: { max_input_tokens: 1000, team: 'a' } },
    ];
    const server = await track(startLiteLLMServer({ deployments }));
    const [entry] = (await getJson(`${server.url}/model/info`)).body['data'] as Json[];
    const info = entry?.['model_info'] as Json;
    expect(info).toMatchObject({ max_input_tokens: 1000, team: 'a', max_output_tokens: 16384, mode: 'chat', key: 'gpt-4o', litellm_provider: 'openai' });
    expect(Object.keys(info)).toEqual(expect.arrayContaining(Object.keys(recordedModelInfo(0))));
    const [group] = (await getJson(`${server.url}/model_group/info`)).body['data'] as Json[];
    expect(group).toMatchObject({ model_group: 'big', max_input_tokens: 1000, supports_vision: true });
  });

  it('shapes every /model/info entry with the recorded keys, and nulls unknown models like fake-up', async () => {
    const server = await track(startLiteLLMServer());
    const data = (await getJson(`${server.url}/model/info`)).body['data'] as Json[];
    data.forEach((entry, index) => {
      expect(Object.keys(entry)).toEqual(['model_name', 'litellm_params', 'model_info']);
      expect(Object.keys(entry['model_info'] as Json)).toEqual(Object.keys(recordedModelInfo(index)));
    });
    const fake = data[2]?.['model_info'] as Json;
    expect(fake).toMatchObject({ key: 'openai/fake-model', max_tokens: null, max_input_tokens: null, mode: null, input_cost_per_token: 0, litellm_provider: 'openai', supports_vision: null });
  });

  it('folds several deployments of one alias into one model group', async () => {
    const deployments: LiteLLMDeployment[] = [
      { model_name: 'smart', litellm_params: { model: 'openai/gpt-4o' } },
      { model_name: 'smart', litellm_params: { model: 'anthropic/claude-3-5-sonnet-20241022' } },
    ];
    const server = await track(startLiteLLMServer({ deployments }));
    const groups = (await getJson(`${server.url}/model_group/info`)).body['data'] as Json[];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ model_group: 'smart', providers: ['openai', 'anthropic'], max_input_tokens: 200000, supports_web_search: true });
    expect(ids((await getJson(`${server.url}/v1/models`)).body)).toEqual(['smart']);
    const filtered = await getJson(`${server.url}/model_group/info?model_group=other`);
    expect(filtered.body).toEqual({ data: [] });
  });

  it('hides model_info and model_group_info routes on request, like older or locked-down proxies', async () => {
    const server = await track(startLiteLLMServer({ modelGroupInfo: 'not-found', modelInfo: 'forbidden' }));
    expect(await getJson(`${server.url}/model_group/info`, {})).toEqual({ status: 404, body: { detail: 'Not Found' } });
    const forbidden = await getJson(`${server.url}/v1/model/info`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { type: 'auth_error', param: 'None', code: '403' } });
    // The key is still checked first.
    expect((await getJson(`${server.url}/model/info`, {})).status).toBe(401);
    server.update({ modelGroupInfo: 'forbidden', modelInfo: 'not-found' });
    expect((await getJson(`${server.url}/model_group/info`)).status).toBe(403);
    expect((await getJson(`${server.url}/model/info`)).status).toBe(404);
  });

  it('serves only model lists and chat as a plain OpenAI-compatible server (metadata: false)', async () => {
    const server = await track(startLiteLLMServer({ metadata: false }));
    expect((await getJson(`${server.url}/v1/models`)).status).toBe(200);
    expect((await getJson(`${server.url}/models`)).status).toBe(200);
    for (const path of ['/model/info', '/model_group/info', '/health/liveliness', '/v1/models/gpt-4o']) {
      expect(await getJson(`${server.url}${path}`)).toEqual({ status: 404, body: { detail: 'Not Found' } });
    }
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    const chat = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"gpt-4o","messages":[]}' });
    expect(chat.status).toBe(200);
  });
});

describe('knobs', () => {
  it('delays every answer by latencyMs and can change it while running', async () => {
    const server = await track(startLiteLLMServer({ latencyMs: 150 }));
    let started = Date.now();
    await fetch(`${server.url}/health/liveliness`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    server.update({ latencyMs: 0 });
    started = Date.now();
    await fetch(`${server.url}/health/liveliness`);
    expect(Date.now() - started).toBeLessThan(140);
  });

  it('switches deployments and chat reply with update()', async () => {
    const server = await track(startLiteLLMServer());
    server.update({ deployments: [{ model_name: 'only', litellm_params: { model: 'openai/gpt-4o-mini' } }], chatReply: 'Changed' });
    expect(ids((await getJson(`${server.url}/v1/models`)).body)).toEqual(['only']);
    const chat = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"only","messages":[]}' });
    expect(await chat.json()).toMatchObject({ model: 'only', choices: [{ message: { content: 'Changed' } }] });
  });

  it("refuses failure 'redirect' without redirectTo", async () => {
    await expect(startLiteLLMServer({ failure: 'redirect' })).rejects.toThrow(/redirectTo/);
  });
});

describe('generateDeployments', () => {
  it('is deterministic, uniquely aliased, spread over ~10 providers and mostly known to the public map', async () => {
    const first = generateDeployments(200);
    expect(first).toEqual(generateDeployments(200));
    expect(new Set(first.map((d) => d.model_name)).size).toBe(200);
    const providers = new Set(first.map((d) => d.litellm_params.model.split('/')[0]));
    expect(providers.size).toBeGreaterThanOrEqual(10);
    const server = await track(startLiteLLMServer({ deployments: first }));
    const groups = (await getJson(`${server.url}/model_group/info`)).body['data'] as Json[];
    const known = groups.filter((group) => group['mode'] !== null).length;
    expect(known).toBeGreaterThanOrEqual(190);
  });

  it('scales to 10,000 unique deployments quickly', async () => {
    const started = Date.now();
    const many = generateDeployments(10_000);
    expect(many).toHaveLength(10_000);
    expect(new Set(many.map((d) => d.model_name)).size).toBe(10_000);
    const server = await track(startLiteLLMServer({ deployments: many }));
    expect(ids((await getJson(`${server.url}/v1/models`)).body)).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

function recordedModelInfo(index: number): Json {
  const data = (recordedCase('model_info').body as { data: { model_info: Json }[] }).data;
  return data[index]!.model_info;
}
