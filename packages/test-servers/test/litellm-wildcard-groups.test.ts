import { describe, expect, it } from 'vitest';
import { defaultDeployments, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMDeployment, LiteLLMVersion } from '../src/index.js';
import { MASTER, useServers } from './support.js';

const track = useServers();

type Json = Record<string, unknown>;

const WILDCARD: LiteLLMDeployment = { model_name: 'openai/*', litellm_params: { model: 'openai/*' } };
const withWildcard = (wildcard: LiteLLMDeployment = WILDCARD): LiteLLMDeployment[] => [...defaultDeployments(), wildcard];

async function groupsOf(url: string): Promise<Json[]> {
  return ((await (await fetch(`${url}/model_group/info`, { headers: MASTER })).json()) as { data: Json[] }).data;
}

const byName = (groups: Json[], name: string): Json | undefined => groups.find((group) => group['model_group'] === name);

const FLAGS = [
  'supports_parallel_function_calling', 'supports_vision', 'supports_web_search',
  'supports_url_context', 'supports_reasoning', 'supports_function_calling',
];

describe('wildcard routes in /model_group/info', () => {
  it('list one group per id /v1/models lists, expansions included', async () => {
    const server = await track(startLiteLLMServer({ deployments: withWildcard() }));
    const listed = ((await (await fetch(`${server.url}/v1/models`, { headers: MASTER })).json()) as { data: { id: string }[] }).data.map((m) => m.id);
    expect((await groupsOf(server.url)).map((group) => group['model_group'])).toEqual(listed);
  });

  it("give an expansion the map knows under the provider its real figures: openai/gpt-4o is gpt-4o", async () => {
    const server = await track(startLiteLLMServer({ deployments: withWildcard() }));
    const groups = await groupsOf(server.url);
    const { model_group: _alias, ...alias } = byName(groups, 'gpt-4o')!;
    const { model_group: _expanded, ...expanded } = byName(groups, 'openai/gpt-4o')!;
    expect(expanded).toEqual(alias);
    expect(expanded).toMatchObject({ max_input_tokens: 128000, max_output_tokens: 16384, input_cost_per_token: 2.5e-6, mode: 'chat' });
    expect(byName(groups, 'openai/ft:gpt-4o-2024-08-06')).toMatchObject({ max_input_tokens: 128000, input_cost_per_token: 3.75e-6 });
  });

  it.each(['openai/babbage-002', 'openai/davinci-002', 'openai/ft:babbage-002', 'openai/gpt-3.5-turbo-instruct', 'openai/container'])(
    "give %s the real proxy's placeholder: mode chat, prices 0, no limits, no capabilities",
    async (name) => {
      const server = await track(startLiteLLMServer({ deployments: withWildcard() }));
      const group = byName(await groupsOf(server.url), name);
      expect(group).toMatchObject({
        providers: ['openai'],
        mode: 'chat',
        input_cost_per_token: 0,
        output_cost_per_token: 0,
        max_input_tokens: null,
        max_output_tokens: null,
      });
      for (const flag of FLAGS) expect(group?.[flag], flag).toBe(false);
    },
  );

  it("let the wildcard deployment's own model_info win over the map for every expansion", async () => {
    const free: LiteLLMDeployment = { ...WILDCARD, model_info: { input_cost_per_token: 0, output_cost_per_token: 0, mode: 'chat' } };
    const server = await track(startLiteLLMServer({ deployments: withWildcard(free) }));
    const groups = await groupsOf(server.url);
    expect(byName(groups, 'openai/gpt-4o')).toMatchObject({ input_cost_per_token: 0, output_cost_per_token: 0, max_input_tokens: 128000 });
    expect(byName(groups, 'openai/text-embedding-3-small')).toMatchObject({ mode: 'chat', input_cost_per_token: 0 });
  });

  it('keep an alias that an expansion would repeat once, as the alias', async () => {
    const alias: LiteLLMDeployment = { model_name: 'openai/gpt-4o', litellm_params: { model: 'openai/gpt-4o-mini' } };
    const server = await track(startLiteLLMServer({ deployments: [alias, WILDCARD] }));
    const groups = (await groupsOf(server.url)).filter((group) => group['model_group'] === 'openai/gpt-4o');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ input_cost_per_token: 1.5e-7 });
  });
});

describe('numbers as each release prints them', () => {
  it.each<[LiteLLMVersion, string, string]>([
    ['1.81.12', '"max_input_tokens":128000.0,"max_output_tokens":16384.0', '"input_cost_per_token":0.0,"output_cost_per_token":0.0'],
    ['1.81.0', '"max_input_tokens":128000,"max_output_tokens":16384', '"input_cost_per_token":0,"output_cost_per_token":0'],
  ])('%s: token limits %s and an unknown deployment priced %s', async (version, limits, unknownPrices) => {
    const server = await track(startLiteLLMServer({ version }));
    const text = await (await fetch(`${server.url}/model_group/info`, { headers: MASTER })).text();
    expect(text).toContain(`"model_group":"gpt-4o","providers":["openai"],${limits}`);
    expect(text).toContain(`"max_output_tokens":null,${unknownPrices}`);
  });

  it("1.81.0: a wildcard placeholder's prices are floats (0.0), unlike fake-up's integer 0", async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', deployments: withWildcard() }));
    const text = await (await fetch(`${server.url}/model_group/info?model_group=openai/babbage-002`, { headers: MASTER })).text();
    expect(text).toContain('"input_cost_per_token":0.0,"output_cost_per_token":0.0');
  });
});

describe('chat through a wildcard route', () => {
  it.each<[LiteLLMVersion, string]>([
    ['1.81.0', 'gpt-4o'],
    ['1.81.12', 'openai/gpt-4o'],
  ])('%s answers as %s', async (version, model) => {
    const server = await track(startLiteLLMServer({ version, deployments: withWildcard() }));
    const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"openai/gpt-4o","messages":[]}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model });
  });

  it('1.81.0 words an unknown model as the router does once a wildcard exists, with type and param null', async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', deployments: withWildcard() }));
    const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"nope","messages":[]}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: 'litellm.BadRequestError: You passed in model=nope. There are no healthy deployments for this model',
        type: null,
        param: null,
        code: '400',
      },
    });
  });

  it('1.81.12 keeps its own wording with a wildcard', async () => {
    const server = await track(startLiteLLMServer({ deployments: withWildcard() }));
    const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"nope","messages":[]}' });
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('Invalid model name passed in model=nope'), type: 'None' } });
  });
});

describe('ids containing a slash asked for singly', () => {
  it.each<[LiteLLMVersion, number]>([
    ['1.81.0', 404],
    ['1.81.12', 200],
  ])('%s: /v1/models/openai%%2Fgpt-4o answers %i', async (version, status) => {
    const server = await track(startLiteLLMServer({ version, deployments: withWildcard() }));
    const response = await fetch(`${server.url}/v1/models/openai%2Fgpt-4o`, { headers: MASTER });
    expect(response.status).toBe(status);
    if (status === 404) expect(await response.json()).toEqual({ detail: 'Not Found' });
  });
});
