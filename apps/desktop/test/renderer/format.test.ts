import { describe, expect, test } from 'vitest';
import { formatAbsoluteTime, formatRelativeTime, formatTokens, formatUsd } from '../../src/renderer/lib/format';
import { capabilityBadges, modelFacts, modeBadge, sourceLabel } from '../../src/renderer/lib/model-facts';
import { providerLabel } from '../../src/renderer/lib/provider-labels';
import { model } from './model-fixtures';

describe('numbers', () => {
  test.each([
    [128_000, '128K'],
    [200_000, '200K'],
    [16_384, '16K'],
    [8_192, '8K'],
    [131_072, '128K'],
    [4_096, '4K'],
    [1_048_576, '1M'],
    [1_000_000, '1M'],
    [2_000_000, '2M'],
    [32_768, '32K'],
    [1_500, '1.5K'],
    [512, '512'],
  ])('%i tokens read as %s', (tokens, text) => {
    expect(formatTokens(tokens)).toBe(text);
  });

  test.each([
    [2.5, '$2.50'],
    [10, '$10.00'],
    [0.15, '$0.15'],
    [0.075, '$0.075'],
    [0.0375, '$0.0375'],
    [0, '$0'],
  ])('$%d per million reads as %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});

describe('times, against an injected clock', () => {
  const fetchedAt = Date.UTC(2026, 10, 22, 14, 5, 9);
  test.each([
    [0, 'just now'],
    [-5_000, 'just now'],
    [44_000, 'just now'],
    [50_000, '1 min ago'],
    [12 * 60_000, '12 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [36 * 3_600_000, '2 days ago'],
    [24 * 86_400_000, '24 days ago'],
  ])('%i ms after the fetch it says %s', (age, text) => {
    expect(formatRelativeTime(fetchedAt, fetchedAt + age)).toBe(text);
  });

  test('the exact time has the date and the seconds', () => {
    expect(formatAbsoluteTime(fetchedAt)).toMatch(/22 Nov 2026, \d\d:05:09/);
  });
});

describe('sources and facts', () => {
  test('each source has a sentence; a field without one is unknown', () => {
    expect(sourceLabel('proxy')).toBe('from the proxy');
    expect(sourceLabel('public-map')).toBe("from LiteLLM's public price map");
    expect(sourceLabel('user')).toBe('entered by you');
    expect(sourceLabel(undefined)).toBe('unknown');
  });

  test('a price with only one side known shows a dash for the other, and names both sources', () => {
    const half = model('x', { inputCostPerMillion: 1, sources: { inputCostPerMillion: 'public-map' } });
    const price = modelFacts(half).find((fact) => fact.key === 'price');
    expect(price?.value).toBe('$1.00 / —');
    expect(price?.title).toBe("Price per million tokens: $1.00 input, — output, from LiteLLM's public price map and unknown");
  });

  test('badges only for abilities known to be there; the mode only for non-chat models', () => {
    expect(capabilityBadges(model('x', { supportsVision: false, supportsTools: null, supportsReasoning: true })).map((b) => b.capability)).toEqual(['reasoning']);
    expect(modeBadge(model('x', { mode: 'image_generation' }))?.label).toBe('image generation');
    expect(modeBadge(model('x', { mode: 'chat' }))).toBeNull();
    expect(modeBadge(model('x'))).toBeNull();
  });

  test('providers read as brand names; unknown keys as they are; none as "Other"', () => {
    expect(providerLabel('openai')).toBe('OpenAI');
    expect(providerLabel('fireworks_ai')).toBe('Fireworks AI');
    expect(providerLabel('acme')).toBe('acme');
    expect(providerLabel(null)).toBe('Other');
    expect(providerLabel('  ')).toBe('Other');
  });
});
