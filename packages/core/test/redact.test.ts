import { describe, expect, it } from 'vitest';
import { createRedactor } from '../src/redact.js';
import { quoteServerText } from '../src/http/server-text.js';
import { describeRetryAfter } from '../src/platforms/retry-after.js';

describe('the redactor every error sentence passes through', () => {
  it('masks each key it has seen, wherever it appears, longest first', () => {
    const redactor = createRedactor();
    redactor.remember('team-key-1234');
    redactor.remember('team-key-1234-extended');
    expect(redactor.redact('refused team-key-1234-extended and team-key-1234')).toBe('refused [redacted] and [redacted]');
  });

  it('masks what looks like a credential even when it was never seen', () => {
    const redactor = createRedactor();
    expect(redactor.redact('header was Bearer abc.def-ghi; retry')).toBe('header was Bearer [redacted]; retry');
    expect(redactor.redact('key sk-proj-AbC123xyz is wrong')).toBe('key [redacted] is wrong');
  });

  it.each([
    ['-H "Authorization: Bearer $LITELLM_API_KEY"', '-H "Authorization: Bearer $LITELLM_API_KEY"'],
    ['Bearer ${OPENROUTER_API_KEY}', 'Bearer ${OPENROUTER_API_KEY}'],
    ['Bearer $KEY-with-a-tail', 'Bearer [redacted]'],
    ['Bearer $(cat key.txt)', 'Bearer [redacted] key.txt)'],
  ])('keeps a copied curl runnable: %s', (text, expected) => {
    expect(createRedactor().redact(text)).toBe(expected);
  });

  it('leaves ordinary sentences and very short "keys" alone', () => {
    const redactor = createRedactor();
    redactor.remember('ab');
    redactor.remember(null);
    expect(redactor.redact('LiteLLM proxy at http://localhost:4000 answered with HTTP 418.')).toBe(
      'LiteLLM proxy at http://localhost:4000 answered with HTTP 418.',
    );
  });
});

describe("a server's own words in a sentence", () => {
  it('are quoted, flattened to one line and cut to a sane length', () => {
    expect(quoteServerText('model not found')).toBe('"model not found"');
    expect(quoteServerText('\u001b[31mred\u001b[0m\r\nnext line')).toBe('"[31mred [0m next line"');
    // A direction override would make the sentence around the quote read backwards.
    expect(quoteServerText('model \u202Eeman-yek\u202C gone \u2067x\u2069')).toBe('"model  eman-yek  gone  x"');
    const long = quoteServerText('x'.repeat(1000));
    expect(long).toHaveLength(203);
    expect(long.endsWith('…"')).toBe(true);
  });
});

describe('Retry-After as a sentence', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it.each([
    ['1', '; it asks to wait 1 second'],
    ['45', '; it asks to wait 45 seconds'],
    ['600', '; it asks to wait about 10 minutes'],
    ['Sun, 29 Nov 2026 10:05:00 GMT', '; it asks to wait about 5 minutes'],
  ])('%j says %j', (header, sentence) => {
    expect(describeRetryAfter(header, now)).toBe(sentence);
  });

  it.each([[null], [''], ['soon'], ['-5'], ['99999999'], ['Sat, 28 Nov 2026 10:00:00 GMT'], ['1e3']])('%j says nothing rather than something wrong', (header) => {
    expect(describeRetryAfter(header, now)).toBe('');
  });
});
