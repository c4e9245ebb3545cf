import { defaultOpenRouterModels } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { openRouterModel, openRouterModels } from '../../src/platforms/openrouter/openrouter-models.js';
import { openrouterPlatform } from '../../src/platforms/openrouter/openrouter-platform.js';

const entry = {
  id: 'openai/gpt-4o',
  name: 'OpenAI: GPT-4o',
  context_length: 128000,
  architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
  pricing: { prompt: '0.0000025', completion: '0.00001' },
  top_provider: { context_length: 128000, max_completion_tokens: 16384 },
  supported_parameters: ['tools', 'tool_choice', 'max_tokens'],
};

describe('the OpenRouter mapper', () => {
  it("keeps what every listing keeps (shared's model list filter): no wildcard route, no sentinel id, each id once", () => {
    const ids = openRouterModels(['openai/*', 'all-team-models', 'b/two', 'a/one', 'b/two'].map((id) => ({ ...entry, id }))).map((model) => model.id);
    expect(ids).toEqual(['b/two', 'a/one']);
  });

  it('maps every field OpenRouter gives, with OpenRouter as the source', () => {
    const model = openRouterModel(entry);
    expect(model).toMatchObject({
      id: 'openai/gpt-4o',
      name: 'OpenAI: GPT-4o',
      provider: 'openai',
      mode: 'chat',
      contextLength: 128_000,
      maxOutputTokens: 16_384,
      inputCostPerMillion: 2.5,
      outputCostPerMillion: 10,
      supportsVision: true,
      supportsTools: true,
      supportsReasoning: false,
    });
    expect(model.sources).toMatchObject({ contextLength: 'proxy', inputCostPerMillion: 'proxy' });
  });

  it('reads reasoning from reasoning or include_reasoning, and no image input as no vision', () => {
    const model = openRouterModel({ ...entry, architecture: { input_modalities: ['text'] }, supported_parameters: ['include_reasoning'] });
    expect(model).toMatchObject({ supportsVision: false, supportsTools: false, supportsReasoning: true });
  });

  it('leaves unknown what is missing, and a router price of -1 unknown rather than negative', () => {
    const model = openRouterModel({ id: 'openrouter/auto', pricing: { prompt: '-1', completion: '-1' } });
    expect(model).toMatchObject({ contextLength: null, maxOutputTokens: null, inputCostPerMillion: null, supportsTools: null });
    expect(model.sources).toMatchObject({ mode: 'proxy' });
  });

  it('groups by the id prefix and keeps a free model at 0', () => {
    const models = openRouterModels(defaultOpenRouterModels());
    expect(new Set(models.map((model) => model.provider))).toContain('anthropic');
    expect(models.some((model) => model.inputCostPerMillion === 0)).toBe(true);
  });
});

describe('OpenRouter key validation', () => {
  it('warns about, but accepts, a key that does not start with sk-or-', () => {
    expect(openrouterPlatform.keyWarning('sk-or-v1-abc')).toBeNull();
    expect(openrouterPlatform.keyWarning('sk-proj-abc')).toMatch(/usually start with "sk-or-"/);
  });
});
