import { errorDetail, HttpFailure, quoteServerText, type FetchLike, type HttpResponse } from '../http/index.js';
import { describeRetryAfter } from './retry-after.js';

export interface ProxyClientOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
}

export function bearer(key: string | null): Record<string, string> {
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** How a platform is named in sentences, and what a person should try when the address is wrong. */
export interface PlatformWording {
  /** e.g. "LiteLLM proxy", "OpenRouter", "OpenAI-compatible server". */
  product: string;
  /** e.g. "Use the proxy's base URL, for example http://localhost:4000." */
  urlHint: string;
}

/** Ways of saying "that key is not accepted", including LiteLLM's 400 no_db_connection on a proxy without a database. */
function isKeyRefusal(response: HttpResponse): boolean {
  if (response.status === 401 || response.status === 403) return true;
  if (response.status !== 400) return false;
  const { type, message } = errorDetail(response.text);
  return type === 'no_db_connection' || type === 'auth_error' || /authentication|api key/i.test(message ?? '');
}

/** One sentence for a status other than 200, in the words of the platform. */
export function failureForStatus(response: HttpResponse, url: string, key: string | null, wording: PlatformWording): HttpFailure {
  const origin = new URL(url).origin;
  if (isKeyRefusal(response)) {
    return new HttpFailure(
      'unauthorized',
      key
        ? `${wording.product} at ${origin} refused the API key (HTTP ${response.status}). Check the key, or ask for a valid one.`
        : `${wording.product} at ${origin} needs an API key (HTTP ${response.status}). Enter a key and test again.`,
    );
  }
  if (response.status === 429) {
    return new HttpFailure(
      'rate-limited',
      `${wording.product} at ${origin} is limiting how often it may be called (HTTP 429)${describeRetryAfter(response.retryAfter)}. Wait, then try again; if it keeps happening, check the key's rate limits.`,
    );
  }
  if (response.status === 404) {
    return new HttpFailure('not-found', `${url} was not found, so this does not look like a ${wording.product}. ${wording.urlHint}`);
  }
  if (response.status >= 500) {
    const detail = errorDetail(response.text).message;
    const said = detail ? `; it said ${quoteServerText(detail)}` : '';
    return new HttpFailure(
      'server-error',
      `${wording.product} at ${origin} had an internal error (HTTP ${response.status})${said}. Check its logs and try again.`,
    );
  }
  return new HttpFailure('bad-response', `${wording.product} at ${origin} answered with HTTP ${response.status}, which Switchboard did not expect.`);
}
