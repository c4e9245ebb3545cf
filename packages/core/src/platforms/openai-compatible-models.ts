import { toModelList, type Model } from '@switchboard/shared';
import { httpGet, HttpFailure, parseJsonBody } from '../http/index.js';
import { isModelId } from './model-id.js';
import { bearer, failureForStatus, type PlatformWording, type ProxyClientOptions } from './proxy-client.js';

/** One odd entry (a missing, empty, absurd or unprintable id) is skipped rather than failing the whole list. */
function usableEntries(entries: readonly unknown[]): Array<{ id: string }> {
  return entries.filter((entry): entry is { id: string } => typeof entry === 'object' && entry !== null && isModelId((entry as { id?: unknown }).id));
}

/** `GET <base>/v1/models` as every OpenAI-compatible server answers it. Throws {@link HttpFailure}. */
export async function listOpenAICompatibleModels(
  options: ProxyClientOptions,
  baseUrl: string,
  key: string | null,
  wording: PlatformWording,
): Promise<Model[]> {
  const url = `${baseUrl}/v1/models`;
  const response = await httpGet(options.fetch, url, { headers: bearer(key), timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
  if (response.status !== 200) throw failureForStatus(response, url, key, wording);
  const body = parseJsonBody(response, `The server at ${baseUrl}`);
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new HttpFailure(
      'bad-response',
      `The server at ${baseUrl} answered, but not with a model list. Check that the URL points at a ${wording.product}.`,
    );
  }
  return toModelList(usableEntries(data));
}
