import { toModelList, type Model } from '@switchboard/shared';
import { z } from 'zod';
import { errorDetail, httpGet, HttpFailure, parseJsonBody, type FetchLike, type HttpResponse } from '../http/index.js';
import { redact } from '../redact.js';

export interface ProxyClientOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
}

const ModelsResponseSchema = z.object({
  data: z.array(z.unknown()),
});

/** One odd entry (an empty or missing id) is skipped rather than failing the whole list. */
function usableEntries(entries: readonly unknown[]): Array<{ id: string }> {
  return entries.filter(
    (entry): entry is { id: string } =>
      typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' && (entry as { id: string }).id !== '',
  );
}

function authHeaders(key: string | null): Record<string, string> {
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** LiteLLM's ways of saying "that key is not accepted", including 400 no_db_connection on a proxy without a database. */
function isKeyRefusal(response: HttpResponse): boolean {
  if (response.status === 401 || response.status === 403) return true;
  if (response.status !== 400) return false;
  const { type, message } = errorDetail(response.text);
  return type === 'no_db_connection' || type === 'auth_error' || /authentication|api key/i.test(message ?? '');
}

function failureFor(response: HttpResponse, baseUrl: string, key: string | null): HttpFailure {
  if (isKeyRefusal(response)) {
    return new HttpFailure(
      'unauthorized',
      key
        ? `The proxy at ${baseUrl} refused the API key (HTTP ${response.status}). Check the key, or ask the proxy's admin for a valid one.`
        : `The proxy at ${baseUrl} needs an API key (HTTP ${response.status}). Enter a key and test again.`,
    );
  }
  if (response.status === 404) {
    return new HttpFailure(
      'not-found',
      `${baseUrl}/v1/models was not found, so this does not look like a LiteLLM proxy. Use the proxy's base URL, for example http://localhost:4000.`,
    );
  }
  if (response.status >= 500) {
    const detail = errorDetail(response.text).message;
    const said = detail ? `: ${redact(detail, key).slice(0, 200)}` : '';
    return new HttpFailure(
      'server-error',
      `The proxy at ${baseUrl} had an internal error (HTTP ${response.status})${said}. Check the proxy's logs and try again.`,
    );
  }
  return new HttpFailure('bad-response', `The proxy at ${baseUrl} answered with HTTP ${response.status}, which Switchboard did not expect.`);
}

/** Lists the models a LiteLLM proxy offers to this key. Throws {@link HttpFailure}. */
export async function listLiteLLMModels(options: ProxyClientOptions, baseUrl: string, key: string | null): Promise<Model[]> {
  const response = await httpGet(options.fetch, `${baseUrl}/v1/models`, {
    headers: authHeaders(key),
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
  });
  if (response.status !== 200) throw failureFor(response, baseUrl, key);
  const body = parseJsonBody(response, `The server at ${baseUrl}`);
  const parsed = ModelsResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpFailure(
      'bad-response',
      `The server at ${baseUrl} answered, but not with a model list. Check that the URL points at a LiteLLM proxy.`,
    );
  }
  return toModelList(usableEntries(parsed.data.data));
}
