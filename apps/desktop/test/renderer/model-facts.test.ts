import { describe, expect, test } from 'vitest';
import { capabilityBadges, modeBadge, modelFacts, underlyingOf } from '../../src/renderer/lib/model-facts';
import { model } from './model-fixtures';

const price = (overrides: Parameters<typeof model>[1]) => modelFacts(model('m', overrides)).find((fact) => fact.key === 'price');

describe('the price of a model', () => {
  test('0 input and 0 output that the catalog kept read as Free, saying where that came from', () => {
    const free = price({ inputCostPerMillion: 0, outputCostPerMillion: 0, sources: { inputCostPerMillion: 'proxy', outputCostPerMillion: 'proxy' } });
    expect(free?.value).toBe('Free');
    expect(free?.unit).toBe('');
    expect(free?.known).toBe(true);
    expect(free?.title).toBe('Free: $0 input, $0 output per million tokens, from the proxy');
  });

  test('a placeholder (null) is unknown, and one free side alone is not Free', () => {
    expect(price({})?.value).toBe('—');
    expect(price({ inputCostPerMillion: 0, outputCostPerMillion: null })?.value).toBe('$0 / —');
    expect(price({ inputCostPerMillion: 0, outputCostPerMillion: 0.5 })?.value).toBe('$0 / $0.50');
  });

  test("the prompt cache's prices are in the price's title, where known", () => {
    const sources = { inputCostPerMillion: 'proxy', outputCostPerMillion: 'proxy', cacheReadCostPerMillion: 'public-map', cacheWriteCostPerMillion: 'public-map' } as const;
    const both = price({ inputCostPerMillion: 3, outputCostPerMillion: 15, cacheReadCostPerMillion: 0.3, cacheWriteCostPerMillion: 3.75, sources });
    expect(both?.value).toBe('$3.00 / $15.00');
    expect(both?.title).toBe(
      "Price per million tokens: $3.00 input, $15.00 output, from the proxy; cached input $0.30 to read, $3.75 to write, from LiteLLM's public price map",
    );
    const readOnly = price({ inputCostPerMillion: 2.5, outputCostPerMillion: 10, cacheReadCostPerMillion: 1.25, sources });
    expect(readOnly?.title).toMatch(/; cached input \$1\.25 to read, from LiteLLM's public price map$/);
    expect(price({ inputCostPerMillion: 2.5, outputCostPerMillion: 10 })?.title).not.toContain('cached');
  });
});

describe('badges', () => {
  test('PDF input, web search and prompt caching get a badge only where the model says true, each saying where that came from', () => {
    const all = model('m', {
      supportsVision: true,
      supportsTools: true,
      supportsReasoning: true,
      supportsPdf: true,
      supportsWebSearch: true,
      supportsPromptCaching: true,
      sources: { supportsPdf: 'public-map', supportsWebSearch: 'proxy', supportsPromptCaching: 'public-map' },
    });
    expect(capabilityBadges(all).map((badge) => badge.label)).toEqual(['vision', 'tools', 'reasoning', 'PDF', 'web search', 'caching']);
    const byCapability = Object.fromEntries(capabilityBadges(all).map((badge) => [badge.capability, badge.title]));
    expect(byCapability.pdf).toBe("Accepts PDF files as input, from LiteLLM's public price map");
    expect(byCapability['web-search']).toBe('Can search the web while answering, from the proxy');
    expect(byCapability['prompt-caching']).toBe("Caches prompts, so repeated input costs less, from LiteLLM's public price map");
    expect(capabilityBadges(model('m', { supportsPdf: false, supportsWebSearch: null, supportsPromptCaching: false }))).toEqual([]);
  });

  test('a responses-mode model is marked Responses API only, and why agents cannot call it', () => {
    const badge = modeBadge(model('openai/o1-pro', { mode: 'responses' }));
    expect(badge?.kind).toBe('responses-only');
    expect(badge?.label).toBe('Responses API only');
    expect(badge?.title).toMatch(/only the OpenAI Responses API.*cannot use it/);
    expect(modeBadge(model('e', { mode: 'embedding' }))).toEqual({ kind: 'mode', label: 'embedding', title: 'Mode: embedding' });
  });
});

describe('the model behind an alias', () => {
  test('is shown when known and different from the id', () => {
    expect(underlyingOf(model('claude-3-5-sonnet', { underlying: 'anthropic/claude-3-5-sonnet-20241022' }))).toBe('anthropic/claude-3-5-sonnet-20241022');
    expect(underlyingOf(model('openai/gpt-4o', { underlying: 'openai/gpt-4o' }))).toBeNull();
    expect(underlyingOf(model('gpt-4o'))).toBeNull();
  });
});
