import { proxyPageSentence, type ProxyPage } from '@switchboard/shared';
import { HttpFailure } from './http-error.js';
import type { HttpResponse } from './http-get.js';
import { recogniseLiteLLMPage } from './proxy-page.js';

export interface ParseJsonOptions {
  /** The base URL the request was built on: when a LiteLLM page answers, its origin is offered instead. */
  base?: string;
}

const PAGE_NAMES: Record<ProxyPage, string> = {
  admin: "LiteLLM's admin page",
  'api-docs': "LiteLLM's API documentation page",
};

function pageFailure(page: ProxyPage, what: string, base: string | undefined): HttpFailure {
  const origin = base === undefined ? null : URL.parse(base)?.origin ?? null;
  if (origin !== null && origin !== base) return new HttpFailure('not-a-proxy', proxyPageSentence(page, origin), origin);
  // The base already is the origin: offering it again would go round in circles.
  return new HttpFailure(
    'not-a-proxy',
    `${what} answered with ${PAGE_NAMES[page]} instead of data, so something in front of the proxy sends this address to its pages. Use the address at which LiteLLM's API answers.`,
  );
}

/** Parses a JSON body, saying plainly when the server answered with a web page or garbage instead. */
export function parseJsonBody(response: HttpResponse, what: string, options: ParseJsonOptions = {}): unknown {
  const looksLikeHtml = response.contentType.includes('text/html') || /^\s*</.test(response.text);
  if (looksLikeHtml) {
    const page = recogniseLiteLLMPage(response.text);
    if (page) throw pageFailure(page, what, options.base);
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
