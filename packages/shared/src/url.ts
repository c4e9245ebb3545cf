import { proxyPageSentence, recogniseProxyPage } from './admin-pages.js';

/**
 * One place that turns what a person typed into a proxy base URL, so the
 * renderer can warn while typing and core can refuse the same inputs.
 * The base never ends in `/`, nor (unless `keepVersionPath`, for a platform
 * whose documented base already includes it) in `/v1`.
 */
export type NormalizedUrl =
  | { ok: true; url: string }
  /** `suggestion`: a URL that would likely work instead, offered in one click. */
  | { ok: false; message: string; suggestion?: string };

export function normalizeBaseUrl(input: string, options: { keepVersionPath?: boolean } = {}): NormalizedUrl {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter the URL of your proxy, for example http://localhost:4000.' };
  // The URL parser would silently drop a pasted tab or line break and keep going: refuse it instead of saving a URL nobody typed.
  const control = [...trimmed].findIndex((character) => character < ' ' || character === '\u007f');
  if (control !== -1) {
    const character = trimmed[control];
    const what = character === '\n' || character === '\r' ? 'a line break' : character === '\t' ? 'a tab' : 'a control character';
    return { ok: false, message: `The URL contains ${what} at position ${control + 1}. Type or paste it again on one line.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, message: `"${trimmed}" is not a URL. Use a full address such as http://localhost:4000.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: `Only http:// and https:// URLs are supported, not ${parsed.protocol}//.` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      ok: false,
      message: 'Remove the user name and password from the URL; put the API key in the API key field instead.',
    };
  }
  const page = recogniseProxyPage(parsed);
  if (page) {
    const suggestion = withoutVersion(page.base, options);
    return { ok: false, message: proxyPageSentence(page.page, suggestion), suggestion };
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return {
      ok: false,
      message: 'Remove the query string or #fragment from the URL; give only the base address.',
      suggestion: withoutVersion(`${parsed.origin}${parsed.pathname}`, options),
    };
  }
  return { ok: true, url: withoutVersion(`${parsed.origin}${parsed.pathname}`, options) };
}

/** No trailing `/`, and no trailing `/v1` unless the platform's base includes it. */
function withoutVersion(url: string, options: { keepVersionPath?: boolean }): string {
  let base = url.replace(/\/+$/, '');
  if (!options.keepVersionPath && base.endsWith('/v1')) base = base.slice(0, -'/v1'.length);
  return base;
}
