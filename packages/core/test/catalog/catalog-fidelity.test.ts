import type { Model } from '@switchboard/shared';
import { loadPublicModelMap, startLiteLLMServer, type LiteLLMServerOptions, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPublicModelIndex } from '../../src/catalog/public-model-index.js';
import { listLiteLLMCatalog } from '../../src/platforms/litellm/litellm-catalog.js';
import type { ProxyClientOptions } from '../../src/platforms/proxy-client.js';

const KEY = 'sk-master-1234';
const client: ProxyClientOptions = { fetch: (url, init) => fetch(url, init), timeoutMs: 10_000, maxBytes: 16 * 1024 * 1024 };
const publicIndex = buildPublicModelIndex(loadPublicModelMap());
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The enriched catalog of a LiteLLM test server, by id, with the public map at hand. */
async function catalog(options: LiteLLMServerOptions): Promise<Map<string, Model>> {
  const server = await startLiteLLMServer(options);
  servers.push(server);
  const listing = await listLiteLLMCatalog(client, { load: async () => publicIndex }, server.url, KEY);
  return new Map((await listing.enrich()).map((model) => [model.id, model]));
}

const VERSIONS = ['1.81.0', '1.81.12'] as const;
const WILDCARD: LiteLLMServerOptions['deployments'] = [{ model_name: 'openai/*', litellm_params: { model: 'openai/*' } }];

describe.each(VERSIONS)('what LiteLLM %s says about each model, shown as it says it', (version) => {
  it('claude-3-5-sonnet: the admin\'s description, the model behind the alias, PDF, web search, prompt caching and cache prices', async () => {
    const sonnet = (await catalog({ version })).get('claude-3-5-sonnet');
    expect(sonnet).toMatchObject({
      description: 'my sonnet',
      underlying: 'anthropic/claude-3-5-sonnet-20241022',
      supportsPdf: true,
      supportsWebSearch: true,
      supportsPromptCaching: true,
      cacheReadCostPerMillion: 0.3,
      cacheWriteCostPerMillion: 3.75,
      inputCostPerMillion: 3,
    });
    expect(sonnet?.sources).toMatchObject({ supportsPdf: 'proxy', supportsPromptCaching: 'proxy', cacheReadCostPerMillion: 'proxy', cacheWriteCostPerMillion: 'proxy' });
  });

  it('gpt-4o: no description, its upstream model, PDF and prompt caching, a cache-read price and no cache-write price', async () => {
    const gpt = (await catalog({ version })).get('gpt-4o');
    expect(gpt).toMatchObject({
      description: null,
      underlying: 'openai/gpt-4o',
      supportsPdf: true,
      supportsPromptCaching: true,
      // /model_group/info knows gpt-4o's limits, so its false is a fact, not a stand-in.
      supportsWebSearch: false,
      cacheReadCostPerMillion: 1.25,
      cacheWriteCostPerMillion: null,
    });
    expect(gpt?.sources.cacheWriteCostPerMillion).toBeUndefined();
  });

  it('fake-up and local-llama: the zeros LiteLLM gives models it has no figures for are unknown, not free', async () => {
    const models = await catalog({ version });
    for (const id of ['fake-up', 'local-llama']) {
      const model = models.get(id);
      expect(model, id).toMatchObject({ inputCostPerMillion: null, outputCostPerMillion: null, supportsVision: null, supportsTools: null });
      expect(model?.sources, id).toEqual({});
    }
    expect(models.get('fake-up')?.underlying).toBe('openai/fake-model');
  });

  it('a wildcard route: placeholders take the public map\'s figure where it knows the model, unknown where not, real entries keep theirs', async () => {
    const models = await catalog({ version, deployments: WILDCARD });
    // LiteLLM files babbage-002 under text-completion-openai, so openai/* gets a placeholder; the map knows its price.
    expect(models.get('openai/babbage-002')).toMatchObject({ inputCostPerMillion: 0.4, outputCostPerMillion: 0.4, sources: { inputCostPerMillion: 'public-map' } });
    expect(models.get('openai/davinci-002')).toMatchObject({ inputCostPerMillion: 2, sources: { inputCostPerMillion: 'public-map' } });
    // Its "chat" is the mode LiteLLM assumes; the map knows a completion model, which an agent cannot chat with.
    expect(models.get('openai/babbage-002')).toMatchObject({ mode: 'completion', sources: { mode: 'public-map' } });
    // Nobody knows what "container" costs: unknown, never $0.
    expect(models.get('openai/container')).toMatchObject({ inputCostPerMillion: null, outputCostPerMillion: null, contextLength: null, supportsTools: null });
    expect(models.get('openai/gpt-4o')).toMatchObject({ inputCostPerMillion: 2.5, contextLength: 128_000, sources: { inputCostPerMillion: 'proxy' } });
    // A zero from an entry that knows the model's limits is a real price: OpenAI's moderation models are free.
    expect(models.get('openai/omni-moderation-latest')).toMatchObject({ inputCostPerMillion: 0, sources: { inputCostPerMillion: 'proxy' } });
    const freeWithoutFigures = [...models.values()].filter((model) => model.inputCostPerMillion === 0 && model.contextLength === null);
    expect(freeWithoutFigures.map((model) => model.id)).toEqual([]);
  });

  it('a deployment the admin configured as free stays free', async () => {
    const models = await catalog({
      version,
      deployments: [
        {
          model_name: 'house-llm',
          litellm_params: { model: 'openai/house-llm-70b', api_base: 'http://127.0.0.1:9/v1' },
          model_info: { input_cost_per_token: 0, output_cost_per_token: 0, mode: 'chat' },
        },
        ...(WILDCARD ?? []),
      ],
    });
    expect(models.get('house-llm')).toMatchObject({ mode: 'chat', inputCostPerMillion: 0, outputCostPerMillion: 0, sources: { inputCostPerMillion: 'proxy' } });
  });

  it('a model the public map lists at no cost, with its limits, is free', async () => {
    const models = await catalog({ version, deployments: [{ model_name: 'codestral', litellm_params: { model: 'codestral/codestral-latest' } }] });
    expect(models.get('codestral')).toMatchObject({ inputCostPerMillion: 0, outputCostPerMillion: 0, sources: { inputCostPerMillion: 'proxy' } });
  });

  it('reads the deployments from /v2/model/info when /model/info answers an empty list (LiteLLM #41730)', async () => {
    const models = await catalog({ version, modelInfoEmpty: true, v2ModelInfo: 'ok' });
    expect(models.get('claude-3-5-sonnet')).toMatchObject({ description: 'my sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', cacheReadCostPerMillion: 0.3 });
  });
});
