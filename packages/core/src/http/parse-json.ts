import { HttpFailure } from './http-error.js';
import type { HttpResponse } from './http-get.js';

/** Parses a JSON body, saying plainly when the server answered with a web page or garbage instead. */
export function parseJsonBody(response: HttpResponse, what: string): unknown {
  const looksLikeHtml = response.contentType.includes('text/html') || /^\s*</.test(response.text);
  if (looksLikeHtml) {
    throw new HttpFailure(
      'not-a-proxy',
      `${what} answered with a web page instead of data. Use the proxy's base URL (for example http://localhost:4000), not the address of a web page.`,
    );
  }
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new HttpFailure('bad-response', `${what} answered with data that is not valid JSON.`);
  }
}

/** The human part of an error body in either shape LiteLLM uses: `{error:{message}}` or FastAPI's `{detail}`. */
export function errorDetail(text: string): { message?: string; type?: string } {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; type?: unknown }; detail?: unknown };
    if (body.error && typeof body.error === 'object') {
      return {
        message: typeof body.error.message === 'string' ? body.error.message : undefined,
        type: typeof body.error.type === 'string' ? body.error.type : undefined,
      };
    }
    if (typeof body.detail === 'string') return { message: body.detail };
  } catch {
    // Not JSON: there is no detail to add.
  }
  return {};
}
