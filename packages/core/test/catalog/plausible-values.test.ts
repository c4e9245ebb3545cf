import { describe, expect, it } from 'vitest';
import { label, pricePerMillion, tokenLimit } from '../../src/catalog/plausible-values.js';
import { isModelId } from '../../src/platforms/model-id.js';

describe('numbers from a server, checked at the edge', () => {
  it.each([
    [128000, 128000],
    [8192.4, 8192],
    ['200000', 200000],
    [' 4096 ', 4096],
    [1, 1],
    [100_000_000, 100_000_000],
  ])('token limit %j is believed as %j', (value, expected) => {
    expect(tokenLimit(value)).toBe(expected);
  });

  it.each([
    [0], [-1], [0.4], [1e308], [2 ** 60], [100_000_001], [Number.NaN], [Number.POSITIVE_INFINITY],
    ['0x10'], [''], [' '], ['1e400'], ['-5'], ['12abc'], [null], [true], [[4096]], [{ value: 4096 }],
  ])('token limit %j is unknown', (value) => {
    expect(tokenLimit(value)).toBeNull();
  });

  it.each([
    [0.0000025, 2.5],
    ['0.00001', 10],
    [0, 0],
    ['0', 0],
    [0.1 * 0.000025, 2.5],
    ['1e-7', 0.1],
  ])('price per token %j is %j per million', (value, expected) => {
    expect(pricePerMillion(value)).toBe(expected);
  });

  it.each([[-1], ['-1'], [1e308], ['1e308'], [1], [Number.NaN], [''], ['free'], [null], [{}]])('price per token %j is unknown', (value) => {
    expect(pricePerMillion(value)).toBeNull();
  });

  it('takes short text as a label and leaves anything else unknown', () => {
    expect(label('chat')).toBe('chat');
    expect(label('')).toBeNull();
    expect(label('  ')).toBeNull();
    expect(label('x'.repeat(201))).toBeNull();
    expect(label(42)).toBeNull();
  });
});

describe('model ids from a server', () => {
  it.each([['gpt-4o'], ['openai/gpt-4o'], ['ft:gpt-3.5-turbo:org::id'], ['__proto__'], ['constructor'], ['x'.repeat(512)]])('%j can be offered', (id) => {
    expect(isModelId(id)).toBe(true);
  });

  it.each([[''], ['x'.repeat(513)], ['gpt\n4o'], ['gpt\u00004o'], ['a\u007f'], [42], [null], [{ id: 'x' }]])('%j is skipped', (id) => {
    expect(isModelId(id)).toBe(false);
  });
});
