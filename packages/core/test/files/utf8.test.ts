import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/files/utf8.js';

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('strict UTF-8', () => {
  it('agrees with the platform decoder on any bytes, and the offset it names is where valid text stops', () => {
    // Mostly text with a few stray bytes, so invalid sequences sit at every kind of place.
    const bytes = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }).map((text) => [...Buffer.from(text, 'utf8')]), fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 })), { maxLength: 20 })
      .map((chunks) => Uint8Array.from(chunks.flat()));
    fc.assert(
      fc.property(bytes, (input) => {
        const offset = firstInvalidUtf8(input);
        expect(offset === -1).toBe(isUtf8(input));
        if (offset >= 0) expect(isUtf8(input.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['an overlong slash', [0x7b, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0x22, 0xed, 0xa0, 0x80], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a cut-off sequence at the end', [0x61, 0xe2, 0x82], 1],
  ])('refuses %s with its byte offset', (_label, input, offset) => {
    expect(decodeUtf8(Uint8Array.from(input))).toMatchObject({ ok: false, offset });
  });

  it('names the line and column in characters, after multi-byte text', () => {
    expect(decodeUtf8(Uint8Array.from([...Buffer.from('{\n"né€😀'), 0xff]))).toEqual({ ok: false, offset: 13, line: 2, column: 6 });
  });
});
