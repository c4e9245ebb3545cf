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

describe('normalizeBaseUrl with a URL copied from one of LiteLLM\'s own pages', () => {
  it.each([
    ['http://host:4000/ui/', "This is LiteLLM's admin page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/ui/?login=success', "This is LiteLLM's admin page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/ui', "This is LiteLLM's admin page. Use http://host:4000?", 'http://host:4000'],
    ['https://corp.example/litellm/ui/?page=models', "This is LiteLLM's admin page. Use https://corp.example/litellm?", 'https://corp.example/litellm'],
    ['http://host:4000/docs', "This is LiteLLM's API documentation page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/redoc', "This is LiteLLM's API documentation page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/openapi.json', "This is LiteLLM's API documentation page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/#/model%20management/model_info_v1_model_info_get', "This is LiteLLM's API documentation page. Use http://host:4000?", 'http://host:4000'],
    ['http://host:4000/v1/#/chat', "This is LiteLLM's API documentation page. Use http://host:4000?", 'http://host:4000'],
  ])('%j is recognised and its base offered', (input, message, suggestion) => {
    expect(normalizeBaseUrl(input)).toEqual({ ok: false, message, suggestion });
  });

  it('offers the address without its query string or fragment for any other page', () => {
    expect(normalizeBaseUrl('http://example.com/proxy/?token=1')).toEqual({
      ok: false,
      message: 'Remove the query string or #fragment from the URL; give only the base address.',
      suggestion: 'http://example.com/proxy',
    });
  });

  it('does not mistake a base path that merely contains ui or docs for a page', () => {
    expect(normalizeBaseUrl('https://example.com/guide/litellm')).toEqual({ ok: true, url: 'https://example.com/guide/litellm' });
    expect(normalizeBaseUrl('https://docs-proxy.example.com')).toEqual({ ok: true, url: 'https://docs-proxy.example.com' });
    expect(normalizeBaseUrl('https://example.com/uipath')).toEqual({ ok: true, url: 'https://example.com/uipath' });
  });
});
