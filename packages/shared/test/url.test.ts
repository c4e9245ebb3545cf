import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../src/url.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://localhost:4000', 'http://localhost:4000'],
    ['http://localhost:4000/', 'http://localhost:4000'],
    ['http://localhost:4000/v1', 'http://localhost:4000'],
    ['http://localhost:4000/v1/', 'http://localhost:4000'],
    ['  https://proxy.example.com//  ', 'https://proxy.example.com'],
    ['https://example.com/litellm/v1', 'https://example.com/litellm'],
    ['HTTP://LOCALHOST:4000', 'http://localhost:4000'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['', /Enter the URL/],
    ['localhost:4000', /Only http/],
    ['not a url', /is not a URL/],
    ['ftp://example.com', /Only http:\/\/ and https:\/\//],
    ['file:///etc/passwd', /Only http/],
    ['http://user:pw@example.com', /Remove the user name and password/],
    ['http://example.com/?token=1', /query string/],
  ])('refuses %j with a sentence', (input, message) => {
    const result = normalizeBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('normalizeBaseUrl for a platform whose base includes its version', () => {
  it('keeps /v1 (and /api/v1) when asked to', () => {
    expect(normalizeBaseUrl('https://openrouter.ai/api/v1/', { keepVersionPath: true })).toEqual({ ok: true, url: 'https://openrouter.ai/api/v1' });
  });
});

describe('normalizeBaseUrl with characters the URL parser would drop', () => {
  it.each([
    ['http://local\nhost:4000', /a line break at position 13/],
    ['http://localhost:4000/\r\nX-Evil: 1', /a line break at position 23/],
    ['http://localhost:\t4000', /a tab at position 18/],
    ['http://localhost:4000/\u0000', /a control character at position 23/],
    ['http://localhost:4000/\u007f', /a control character/],
  ])('%j is refused, not silently stripped', (input, message) => {
    const result = normalizeBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
