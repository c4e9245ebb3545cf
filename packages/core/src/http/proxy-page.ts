import type { ProxyPage } from '@switchboard/shared';

// The <title> sits in the first kilobyte or two of both pages; reading further would cost time on a large page for nothing.
const HEAD_CHARS = 16 * 1024;
const TITLE = /<title[^>]*>([^<]{0,200})<\/title>/i;

/**
 * Which of LiteLLM's own pages an HTML answer is: the admin UI ("LiteLLM
 * Dashboard") or the API documentation (FastAPI's Swagger UI, titled
 * "LiteLLM API - Swagger UI"); null for any other page. Seen when a base URL
 * points at a reverse proxy path that serves the UI for every address.
 */
export function recogniseLiteLLMPage(html: string): ProxyPage | null {
  const title = TITLE.exec(html.slice(0, HEAD_CHARS))?.[1]?.trim();
  if (!title) return null;
  if (/^LiteLLM Dashboard$/i.test(title)) return 'admin';
  if (/^LiteLLM\b.* - Swagger UI$/i.test(title)) return 'api-docs';
  return null;
}
