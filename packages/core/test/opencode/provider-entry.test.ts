import { describe, expect, it } from 'vitest';
import { apiKeyEnvVariable, opencodeProviderId } from '../../src/opencode/api-key-env.js';
import { buildProviderEntry, hasPlainKey, isUsableByOpencode, responsesOnlyLeftOut } from '../../src/opencode/provider-entry.js';
import { liteLLMModels, model } from './support/models.js';

const env = (instanceId: string) => ({ kind: 'env', variable: apiKeyEnvVariable(instanceId) }) as const;

describe('the provider entry for LiteLLM', () => {
  const entry = buildProviderEntry({ displayName: 'LiteLLM',
    baseURL: 'http://localhost:4000/v1',
    models: liteLLMModels(),
    apiKey: env('litellm'),
  });

  it('uses the OpenAI-compatible package, the /v1 base and an env reference for the key', () => {
    expect(entry.npm).toBe('@ai-sdk/openai-compatible');
    expect(entry.name).toBe('LiteLLM');
    expect(entry.options).toEqual({ baseURL: 'http://localhost:4000/v1', apiKey: '{env:LITELLM_API_KEY}' });
    expect(hasPlainKey(entry)).toBe(false);
  });

  it('lists only chat models (chat, or of unknown mode): not Responses-only, embedding or image models', () => {
    expect(Object.keys(entry.models)).toEqual(['gpt-4o', 'o3-mini', 'fake-up']);
    expect(isUsableByOpencode(model('o1-pro', { mode: 'responses' }))).toBe(false);
    expect(responsesOnlyLeftOut(liteLLMModels(), false)).toEqual(['o1-pro']);
  });

  it('writes everything known about a model, with prices per million tokens', () => {
    expect(entry.models['gpt-4o']).toEqual({
      name: 'gpt-4o',
      limit: { context: 128_000, output: 16_384 },
      tool_call: true,
      reasoning: false,
      attachment: true,
      modalities: { input: ['text', 'image'] },
      cost: { input: 2.5, output: 10 },
    });
  });

  it('writes a limit only when both context and output are known', () => {
    expect(entry.models['o3-mini']?.limit).toEqual({ context: 200_000, output: 100_000 });
    expect(entry.models['fake-up']).toEqual({ name: 'fake-up' });
  });

  it('says "no vision" as text-only input, and leaves unknown capabilities to opencode', () => {
    expect(entry.models['o3-mini']).toEqual({
      name: 'o3-mini',
      limit: { context: 200_000, output: 100_000 },
      reasoning: true,
      attachment: false,
      modalities: { input: ['text'] },
    });
  });
});

describe('models that only speak the Responses API, when the user asks for them', () => {
  const entry = buildProviderEntry({
    displayName: 'LiteLLM',
    baseURL: 'http://localhost:4000/v1',
    models: liteLLMModels(),
    apiKey: env('litellm'),
    writeResponsesOnly: true,
  });

  it('are written with @ai-sdk/openai for that model alone, so opencode calls /v1/responses for it', () => {
    expect(Object.keys(entry.models)).toEqual(['gpt-4o', 'o3-mini', 'o1-pro', 'fake-up']);
    expect(entry.models['o1-pro']).toMatchObject({ name: 'o1-pro', provider: { npm: '@ai-sdk/openai' }, cost: { input: 150, output: 600 } });
    expect(entry.npm).toBe('@ai-sdk/openai-compatible');
    expect(entry.models['gpt-4o']).not.toHaveProperty('provider');
    expect(responsesOnlyLeftOut(liteLLMModels(), true)).toEqual([]);
  });

  it('never let in a wildcard route or a non-chat model', () => {
    const models = [model('openai/*', { mode: 'responses' }), model('text-embedding-3-small', { mode: 'embedding' })];
    expect(buildProviderEntry({ displayName: 'X', baseURL: 'http://x/v1', models, apiKey: { kind: 'none' }, writeResponsesOnly: true }).models).toEqual({});
    expect(responsesOnlyLeftOut(models, false)).toEqual([]);
  });
});

describe('what opencode\'s schema accepts beyond limits and prices', () => {
  const only = (known: Parameters<typeof model>[1]) =>
    buildProviderEntry({ displayName: 'X', baseURL: 'http://x/v1', models: [model('m', known)], apiKey: { kind: 'none' } }).models['m'];
  const priced = { inputCostPerMillion: 3, outputCostPerMillion: 15 };

  it('writes cache prices beside input and output', () => {
    expect(only({ ...priced, cacheReadCostPerMillion: 0.3, cacheWriteCostPerMillion: 3.75 })?.cost).toEqual({ input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 });
    expect(only({ ...priced, cacheReadCostPerMillion: 0.3 })?.cost).toEqual({ input: 3, output: 15, cache_read: 0.3 });
  });

  it('writes no cache price without input and output prices, which opencode\'s cost requires', () => {
    expect(only({ inputCostPerMillion: 3, cacheReadCostPerMillion: 0.3, cacheWriteCostPerMillion: 3.75 })).not.toHaveProperty('cost');
  });

  it.each([
    [{ supportsVision: true, supportsPdf: true }, ['text', 'image', 'pdf'], true],
    [{ supportsVision: false, supportsPdf: true }, ['text', 'pdf'], true],
    [{ supportsPdf: true }, ['text', 'pdf'], true],
    [{ supportsVision: true, supportsPdf: false }, ['text', 'image'], true],
    [{ supportsVision: false, supportsPdf: false }, ['text'], false],
  ] as const)('takes PDFs where the proxy says so, with attachment to match: %o', (known, input, attachment) => {
    expect(only(known)).toMatchObject({ modalities: { input }, attachment });
  });

  it('writes no modalities or attachment when neither images nor PDFs are known', () => {
    const entry = only({ supportsTools: true });
    expect(entry).not.toHaveProperty('modalities');
    expect(entry).not.toHaveProperty('attachment');
  });
});

describe('limits and costs are both-or-neither', () => {
  const only = (known: Parameters<typeof model>[1]) =>
    buildProviderEntry({ displayName: 'X', baseURL: 'http://x/v1', models: [model('m', known)], apiKey: { kind: 'none' } }).models['m'];

  it.each([
    { contextLength: 1000 },
    { maxOutputTokens: 1000 },
  ])('no limit from %o alone', (known) => {
    expect(only(known)).not.toHaveProperty('limit');
  });

  it.each([
    { inputCostPerMillion: 1 },
    { outputCostPerMillion: 1 },
  ])('no cost from %o alone', (known) => {
    expect(only(known)).not.toHaveProperty('cost');
  });

  it('keeps a free model free (0 is a price, not "unknown")', () => {
    expect(only({ inputCostPerMillion: 0, outputCostPerMillion: 0 })?.cost).toEqual({ input: 0, output: 0 });
  });

  it('trims float noise from prices', () => {
    expect(only({ inputCostPerMillion: 0.0000025 * 1_000_000, outputCostPerMillion: 0.00001 * 1_000_000 })?.cost).toEqual({ input: 2.5, output: 10 });
  });

  it('writes tool_call: false when tools are known not to work (opencode assumes they do)', () => {
    expect(only({ supportsTools: false })?.tool_call).toBe(false);
    expect(only({})).not.toHaveProperty('tool_call');
  });
});

describe('OpenRouter and custom endpoints', () => {
  it('uses OpenRouter\'s URL as is and OPENROUTER_API_KEY', () => {
    const entry = buildProviderEntry({ displayName: 'OpenRouter',
      baseURL: 'https://openrouter.ai/api/v1',
      models: [model('anthropic/claude-sonnet-4', { name: 'Anthropic: Claude Sonnet 4', mode: 'chat', contextLength: 200_000, maxOutputTokens: 64_000 })],
      apiKey: env('openrouter'),
    });
    expect(entry.options).toEqual({ baseURL: 'https://openrouter.ai/api/v1', apiKey: '{env:OPENROUTER_API_KEY}' });
    expect(entry.models).toEqual({
      'anthropic/claude-sonnet-4': { name: 'Anthropic: Claude Sonnet 4', limit: { context: 200_000, output: 64_000 } },
    });
  });

  it('gives a custom endpoint a SWITCHBOARD_<SLUG>_API_KEY of its own', () => {
    expect(apiKeyEnvVariable('litellm')).toBe('LITELLM_API_KEY');
    expect(apiKeyEnvVariable('openrouter')).toBe('OPENROUTER_API_KEY');
    expect(apiKeyEnvVariable('custom:my-vllm-box')).toBe('SWITCHBOARD_MY_VLLM_BOX_API_KEY');
    expect(opencodeProviderId('custom:my-vllm-box')).toBe('my-vllm-box');
    expect(opencodeProviderId('litellm')).toBe('litellm');
    const entry = buildProviderEntry({ displayName: 'My vLLM',
      baseURL: 'http://gpu-box:8000/v1',
      models: [model('qwen')],
      apiKey: env('custom:my-vllm'),
    });
    expect(entry.options).toEqual({ baseURL: 'http://gpu-box:8000/v1', apiKey: '{env:SWITCHBOARD_MY_VLLM_API_KEY}' });
  });

  it('writes no apiKey at all when no key is stored', () => {
    const entry = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://l/v1', models: [], apiKey: { kind: 'none' } });
    expect(entry.options).toEqual({ baseURL: 'http://l/v1' });
    expect(hasPlainKey(entry)).toBe(false);
  });

  it('writes the key itself only when asked to, and says so', () => {
    const entry = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://l/v1', models: [], apiKey: { kind: 'plain', value: 'sk-1' } });
    expect(entry.options.apiKey).toBe('sk-1');
    expect(hasPlainKey(entry)).toBe(true);
  });

  it('skips wildcard routes, which are not models', () => {
    const entry = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://l/v1', models: [model('openai/*'), model('a')], apiKey: { kind: 'none' } });
    expect(Object.keys(entry.models)).toEqual(['a']);
  });
});
