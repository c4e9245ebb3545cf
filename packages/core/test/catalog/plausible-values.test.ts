import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_LENGTH } from '@switchboard/shared';
import { description, label, pricePerMillion, tokenLimit } from '../../src/catalog/plausible-values.js';
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

describe('what an admin wrote about a model', () => {
  it.each([
    ['my sonnet', 'my sonnet'],
    ['  Fast and cheap; for drafts.  ', 'Fast and cheap; for drafts.'],
    ['line one\nline two\ttabbed', 'line one line two tabbed'],
    ['bell\u0007and NUL\u0000here', 'bell and NUL here'],
    ['\u202Egnp.exe', 'gnp.exe'],
    ['<b>bold</b> & <script>x</script>', '<b>bold</b> & <script>x</script>'],
  ])('%j is shown as %j', (value, expected) => {
    expect(description(value)).toBe(expected);
  });

  it.each([[''], ['   '], ['\u0000\u0001'], [42], [null], [['my sonnet']], [{ text: 'x' }]])('%j is no description', (value) => {
    expect(description(value)).toBeNull();
  });

  it('cuts a long one at the bound with an ellipsis, never inside a surrogate pair', () => {
    const cut = description('a'.repeat(MAX_DESCRIPTION_LENGTH - 2) + '😀'.repeat(600));
    expect(cut?.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(cut?.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(description('x'.repeat(1024 * 1024))).toBe(`${'x'.repeat(MAX_DESCRIPTION_LENGTH - 1)}…`);
  });
});
