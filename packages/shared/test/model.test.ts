import { describe, expect, it } from 'vitest';
import { isChatModel, isResponsesOnlyModel, providerFromId, toModel, toModelList } from '../src/model-mapper.js';

describe('the model mapper', () => {
  it('takes the provider from the id prefix, never from owned_by', () => {
    const model = toModel({ id: 'anthropic/claude-3-5-sonnet', owned_by: 'openai' } as { id: string });
    expect(model).toEqual({
      id: 'anthropic/claude-3-5-sonnet',
      name: 'claude-3-5-sonnet',
      provider: 'anthropic',
      description: null,
      underlying: null,
      mode: null,
      contextLength: null,
      maxOutputTokens: null,
      inputCostPerMillion: null,
      outputCostPerMillion: null,
      cacheReadCostPerMillion: null,
      cacheWriteCostPerMillion: null,
      supportsVision: null,
      supportsTools: null,
      supportsReasoning: null,
      supportsPdf: null,
      supportsWebSearch: null,
      supportsPromptCaching: null,
      sources: {},
    });
  });

  it('leaves the provider unknown for a bare alias and keeps the context length null, not 0', () => {
    expect(toModel({ id: 'gpt-4o' })).toMatchObject({ name: 'gpt-4o', provider: null, contextLength: null });
    expect(providerFromId('/leading-slash')).toBeNull();
  });

  it('drops wildcard routes and repeated ids, keeping order', () => {
    const ids = toModelList([{ id: 'openai/*' }, { id: 'b' }, { id: 'a' }, { id: 'b' }, { id: 'openai/gpt-4o' }]).map((m) => m.id);
    expect(ids).toEqual(['b', 'a', 'openai/gpt-4o']);
  });

  it.each(['all-team-models', 'all-proxy-models', 'no-default-models'])('never offers the sentinel %s as a model', (sentinel) => {
    const ids = toModelList([{ id: sentinel }, { id: 'gpt-4o' }]).map((m) => m.id);
    expect(ids).toEqual(['gpt-4o']);
  });

  it('counts a responses-mode model as not callable through chat completions', () => {
    expect(isChatModel({ mode: 'responses' })).toBe(false);
    expect(isResponsesOnlyModel({ mode: 'responses' })).toBe(true);
    expect(isChatModel({ mode: 'chat' })).toBe(true);
    expect(isChatModel({ mode: null })).toBe(true);
  });
});
