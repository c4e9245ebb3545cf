import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toModel } from '@switchboard/shared';
import { fixturesDir, loadPublicModelMap } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { enrichModel, type MetadataSources } from '../../src/catalog/enrich-models.js';
import { parseModelGroupInfo, parseModelInfo } from '../../src/catalog/proxy-metadata.js';
import { buildPublicModelIndex } from '../../src/catalog/public-model-index.js';

const recorded = JSON.parse(readFileSync(join(fixturesDir, 'litellm-1.81.12', 'responses.json'), 'utf8')) as Record<string, { body: unknown }>;
const publicIndex = buildPublicModelIndex(loadPublicModelMap());
const proxy: MetadataSources = {
  groups: parseModelGroupInfo(recorded.model_group_info?.body),
  deployments: parseModelInfo(recorded.model_info?.body),
  publicIndex,
};
const none: MetadataSources = { groups: new Map(), deployments: new Map(), publicIndex: null };

describe('enriching a model', () => {
  it('takes what the proxy says, with the proxy as the source', () => {
    const model = enrichModel(toModel({ id: 'gpt-4o' }), proxy);
    expect(model).toMatchObject({
      provider: 'openai',
      mode: 'chat',
      contextLength: 128_000,
      maxOutputTokens: 16_384,
      inputCostPerMillion: 2.5,
      outputCostPerMillion: 10,
      supportsVision: true,
      supportsTools: true,
    });
    expect(model.sources).toMatchObject({ contextLength: 'proxy', inputCostPerMillion: 'proxy', supportsVision: 'proxy' });
  });

  it('treats the zeros a proxy gives for a model it does not know as unknown', () => {
    const model = enrichModel(toModel({ id: 'fake-up' }), { ...proxy, publicIndex: null });
    expect(model).toMatchObject({ provider: 'openai', contextLength: null, inputCostPerMillion: null, supportsVision: null });
    expect(model.sources).toEqual({});
  });

  it('fills gaps from the public map by the underlying model behind an alias', () => {
    const groups = new Map(); // an older proxy without /model_group/info
    const deployments = new Map([
      ['my-sonnet', { provider: 'anthropic', underlying: 'anthropic/claude-3-5-sonnet-20241022', description: null, metadata: null, zeros: 'placeholders' as const }],
    ]);
    const model = enrichModel(toModel({ id: 'my-sonnet' }), { groups, deployments, publicIndex });
    expect(model).toMatchObject({ provider: 'anthropic', contextLength: 200_000, maxOutputTokens: 8192, supportsVision: true });
    expect(model.sources.contextLength).toBe('public-map');
  });

  it('matches an id with its provider prefix stripped', () => {
    const model = enrichModel(toModel({ id: 'openai/gpt-4o-mini' }), { ...none, publicIndex });
    expect(model.contextLength).toBe(128_000);
    expect(model.sources.contextLength).toBe('public-map');
  });

  it("takes the public map's mode over the one a placeholder entry assumes, and keeps the assumed one where nobody else says", () => {
    const placeholder = (id: string) =>
      parseModelGroupInfo({ data: [{ model_group: id, providers: ['openai'], mode: 'chat', max_input_tokens: null, input_cost_per_token: 0.0, output_cost_per_token: 0.0 }] });
    const babbage = enrichModel(toModel({ id: 'openai/babbage-002' }), { ...none, groups: placeholder('openai/babbage-002'), publicIndex });
    expect(babbage).toMatchObject({ mode: 'completion', sources: { mode: 'public-map' } });
    const unknown = enrichModel(toModel({ id: 'openai/house-model' }), { ...none, groups: placeholder('openai/house-model'), publicIndex });
    expect(unknown).toMatchObject({ mode: 'chat', inputCostPerMillion: null, sources: { mode: 'proxy' } });
  });

  it('marks non-chat modes', () => {
    expect(enrichModel(toModel({ id: 'openai/text-embedding-3-small' }), { ...none, publicIndex }).mode).toBe('embedding');
  });

  it('lets the proxy win over the public map field by field', () => {
    const groups = parseModelGroupInfo({
      data: [{ model_group: 'gpt-4o', providers: ['openai'], max_input_tokens: 1000, mode: 'chat', input_cost_per_token: null }],
    });
    const model = enrichModel(toModel({ id: 'gpt-4o' }), { groups, deployments: new Map(), publicIndex });
    expect(model.contextLength).toBe(1000);
    expect(model.sources.contextLength).toBe('proxy');
    expect(model.inputCostPerMillion).toBe(2.5);
    expect(model.sources.inputCostPerMillion).toBe('public-map');
  });

  it('leaves unknown as unknown', () => {
    const model = enrichModel(toModel({ id: 'totally-private-model' }), { ...none, publicIndex });
    expect(model).toMatchObject({ mode: null, contextLength: null, maxOutputTokens: null, supportsTools: null });
    expect(model.sources).toEqual({});
  });
});

describe("judging a proxy's zeros by the entry they come from", () => {
  const deploymentOf = (underlying: string, info: Record<string, unknown>) =>
    parseModelInfo({ data: [{ model_name: 'house', litellm_params: { model: underlying }, model_info: info }] });
  const configuredFree = { mode: 'chat', input_cost_per_token: 0, output_cost_per_token: 0 };

  it('a deployment with a mode but no limits, of a model the public map does not know, was configured: its 0 is Free', () => {
    const model = enrichModel(toModel({ id: 'house' }), { groups: new Map(), deployments: deploymentOf('openai/house-70b', configuredFree), publicIndex });
    expect(model).toMatchObject({ inputCostPerMillion: 0, outputCostPerMillion: 0, sources: { inputCostPerMillion: 'proxy' } });
  });

  it('the same entry for a model the public map knows gives way to the map\'s figure', () => {
    const model = enrichModel(toModel({ id: 'house' }), { groups: new Map(), deployments: deploymentOf('openai/gpt-4o', configuredFree), publicIndex });
    expect(model).toMatchObject({ inputCostPerMillion: 2.5, sources: { inputCostPerMillion: 'public-map' } });
  });

  it('a group without limits keeps its mode and non-zero figures, but its zeros and falses are unknown', () => {
    const groups = parseModelGroupInfo({
      data: [{ model_group: 'x', mode: 'chat', input_cost_per_token: 0, output_cost_per_token: 0.000002, supports_vision: false }],
    });
    const model = enrichModel(toModel({ id: 'x' }), { ...none, groups });
    expect(model).toMatchObject({ mode: 'chat', inputCostPerMillion: null, outputCostPerMillion: 2, supportsVision: null });
  });
});
