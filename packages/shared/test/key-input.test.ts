import { describe, expect, it } from 'vitest';
import { KeyInputSchema } from '../src/key-input.js';
import { keyProblem, MAX_KEY_LENGTH } from '../src/key-problem.js';

const provided = (value: string) => KeyInputSchema.safeParse({ mode: 'provided', value });

describe('a typed API key', () => {
  it.each([
    ['sk-1234567890abcdef'],
    ['sk-or-v1-0123456789abcdef0123456789abcdef'],
    [`!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`],
    ['clé-secrète-ÿ'],
    ['x'.repeat(MAX_KEY_LENGTH)],
  ])('%j is header-safe and kept exactly', (key) => {
    expect(keyProblem(key)).toBeNull();
    expect(provided(key)).toMatchObject({ success: true, data: { value: key } });
  });

  it('loses only the spaces a paste puts around it', () => {
    expect(provided('  sk-padded \n')).toMatchObject({ success: true, data: { value: 'sk-padded' } });
  });

  it.each([
    ['sk-a\r\nX-Injected: 1', /a carriage return \(CR\) at position 5/],
    ['sk-ab\ncd', /a line break \(LF\) at position 6/],
    ['sk-\u0000tail', /a NUL character at position 4/],
    ['sk-\u007fx', /a DEL character at position 4/],
    ['sk-\tx', /a tab at position 4/],
    ['sk-\u001bx', /the control character U\+001B at position 4/],
    ['sk-\u0085x', /the control character U\+0085/],
    ['sk-\u2019quoted', /the character "\u2019" \(U\+2019\) at position 4/],
    ['sk-😀', /the character "😀" \(U\+1F600\) at position 4/],
  ])('%j is refused with a sentence naming the character and where it is', (key, sentence) => {
    const problem = keyProblem(key);
    expect(problem).toMatch(sentence);
    expect(problem).toMatch(/Paste the key again without it/);
    const parsed = provided(key);
    expect(parsed.success).toBe(false);
    // The sentence points at the character; it never repeats the key.
    expect(JSON.stringify(parsed.error?.issues)).not.toContain('tail');
  });

  it('refuses a key longer than any real one, without echoing it', () => {
    const parsed = provided(`sk-${'a'.repeat(MAX_KEY_LENGTH)}`);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain('aaaa');
  });
});
