import { classifyNetworkError } from './classify-network-error.js';
import { HttpFailure } from './http-error.js';
import { readCappedBody } from './read-capped-body.js';
import { quoteServerText } from './server-text.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpGetOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  text: string;
  /** The `Retry-After` header as sent, for a 429 or 503. */
  retryAfter: string | null;
}

const MAX_REDIRECTS = 5;

/**
 * GET with the guarantees every proxy call needs: one deadline for the whole
 * exchange (body included), a size cap, and redirects followed only within the
 * same origin, so an `Authorization` header never travels to another host.
 */
export async function httpGet(fetchImpl: FetchLike, url: string, options: HttpGetOptions): Promise<HttpResponse> {
  const origin = new URL(url).origin;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const response = await fetchImpl(current, {
        method: 'GET',
        headers: { accept: 'application/json', ...options.headers },
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = URL.parse(location, current);
        if (next === null) {
          throw new HttpFailure('bad-response', `${origin} redirected to ${quoteServerText(location)}, which is not an address. Check the proxy's configuration.`);
        }
        if (next.origin !== origin) {
          throw new HttpFailure(
            'redirect',
            `${origin} redirected to ${quoteServerText(next.origin)}. Switchboard did not follow it, so your key was not sent there. If that address is your proxy, use it as the URL.`,
          );
        }
        if (hop >= MAX_REDIRECTS) throw new HttpFailure('bad-response', `${origin} redirected too many times.`);
        current = next.href;
        continue;
      }
      const text = await readCappedBody(response, origin, options.maxBytes);
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
        retryAfter: response.headers.get('retry-after'),
      };
    }
  } catch (error) {
    throw classifyNetworkError(error, origin, options.timeoutMs);
  }
}
