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

/** What stands in front of (or instead of) the API, recognised by its answer. */
export type FrontPage = 'oauth2-proxy' | 'cloudflare-access' | 'authelia' | 'open-webui';

const FRONT_NAMES: Record<FrontPage, string> = {
  'oauth2-proxy': 'an oauth2-proxy sign-in',
  'cloudflare-access': 'a Cloudflare Access sign-in',
  authelia: 'an Authelia sign-in',
  'open-webui': 'Open WebUI',
};

// Each gateway's own marks, as its pages and redirects carry them.
const LOCATION_MARKS: ReadonlyArray<[RegExp, FrontPage]> = [
  [/\/oauth2\/(start|sign_in)\b/i, 'oauth2-proxy'],
  [/cloudflareaccess\.com|\/cdn-cgi\/access\/login/i, 'cloudflare-access'],
  [/authelia|[?&]rd=/i, 'authelia'],
];
const PAGE_MARKS: ReadonlyArray<[RegExp, FrontPage]> = [
  [/oauth2[-_ ]proxy|\/oauth2\/start/i, 'oauth2-proxy'],
  [/cloudflare access|cloudflareaccess\.com|cf-access/i, 'cloudflare-access'],
  [/authelia/i, 'authelia'],
  [/<title[^>]*>\s*Open WebUI\s*<\/title>|open-webui/i, 'open-webui'],
];

/**
 * A gateway's sign-in (oauth2-proxy, Cloudflare Access, Authelia) or Open
 * WebUI answering where the API should: from a redirect's target or the
 * first part of an HTML page. Null for anything else.
 */
export function recogniseFrontPage(answer: { location: string | null; text: string }): FrontPage | null {
  if (answer.location !== null) {
    for (const [mark, front] of LOCATION_MARKS) if (mark.test(answer.location)) return front;
  }
  const head = answer.text.slice(0, HEAD_CHARS);
  if (!/<html|<!doctype|<title/i.test(head)) return null;
  for (const [mark, front] of PAGE_MARKS) if (mark.test(head)) return front;
  return null;
}

/** The sentence and the fix for a front page that answered instead of the API at `origin`. */
export function frontPageSentence(front: FrontPage, origin: string, product: string): { detail: string; fix: string } {
  if (front === 'open-webui') {
    return {
      detail: `${origin} is Open WebUI, a chat front end, not the ${product}'s API.`,
      fix: `Use the address of the ${product} itself (Open WebUI's connection settings name it), not the address of the chat page.`,
    };
  }
  return {
    detail: `${origin} answered with ${FRONT_NAMES[front]} page: a gateway in front of the ${product} wants a person to sign in with a browser, and an API key alone does not pass it.`,
    fix: 'Ask the gateway\'s administrator for an address that takes API keys (many companies keep one beside the sign-in), or for a header that lets programs through; such a header goes in this platform\'s network settings.',
  };
}
