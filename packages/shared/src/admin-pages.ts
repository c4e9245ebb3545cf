/**
 * Pages of a LiteLLM proxy that people copy a URL from instead of its base:
 * the admin UI (`/ui/`, `/ui/?login=success`, `/ui/#/…`) and the API
 * documentation (Swagger at `/` with `#/…` deep links, `/docs`, `/redoc`,
 * `/openapi.json`). Recognised by their path, so the offer appears while
 * typing, before anything is sent.
 */
export type ProxyPage = 'admin' | 'api-docs';

export interface RecognisedPage {
  page: ProxyPage;
  /** The proxy's base: everything before the page's own path. */
  base: string;
}

const PAGE_PATHS: ReadonlyArray<[RegExp, ProxyPage]> = [
  [/\/ui(\/.*)?$/i, 'admin'],
  [/\/(docs|redoc)(\/.*)?$/i, 'api-docs'],
  [/\/openapi\.json$/i, 'api-docs'],
];

/** The LiteLLM page a parsed URL points at, and the base it belongs to; null for anything else. */
export function recogniseProxyPage(url: URL): RecognisedPage | null {
  for (const [pattern, page] of PAGE_PATHS) {
    const match = pattern.exec(url.pathname);
    if (match) return { page, base: `${url.origin}${url.pathname.slice(0, match.index)}` };
  }
  // Swagger's deep links and the admin UI's routes live in the fragment: "http://host:4000/#/model%20management".
  if (url.hash.startsWith('#/')) return { page: 'api-docs', base: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
  return null;
}

const PAGE_NAMES: Record<ProxyPage, string> = {
  admin: "LiteLLM's admin page",
  'api-docs': "LiteLLM's API documentation page",
};

/** "This is LiteLLM's admin page. Use http://host:4000?" */
export function proxyPageSentence(page: ProxyPage, base: string): string {
  return `This is ${PAGE_NAMES[page]}. Use ${base}?`;
}
