import { isSentinelModelId, toModelList, type Model } from '@switchboard/shared';
import { httpGet, HttpFailure, parseJsonBody } from '../http/index.js';
import { isModelId } from './model-id.js';
import { bearer, failureForStatus, type PlatformWording, type ProxyClientOptions } from './proxy-client.js';

/** One odd entry (a missing, empty, absurd or unprintable id) is skipped rather than failing the whole list. */
function usableEntries(entries: readonly unknown[]): Array<{ id: string }> {
  return entries.filter((entry): entry is { id: string } => typeof entry === 'object' && entry !== null && isModelId((entry as { id?: unknown }).id));
}

export interface ModelIdListing {
  /** The models, without wildcard routes, sentinel ids or repeats. */
  models: Model[];
  /** Sentinel ids the server listed (`all-team-models`, …): the key's access decides what it may use. */
  sentinels: string[];
}

/** `GET <base>/v1/models` as every OpenAI-compatible server answers it, sentinel ids told apart. Throws {@link HttpFailure}. */
export async function listOpenAICompatibleIds(
  options: ProxyClientOptions,
  baseUrl: string,
  key: string | null,
  wording: PlatformWording,
): Promise<ModelIdListing> {
  const url = `${baseUrl}/v1/models`;
  const response = await httpGet(options.fetch, url, { headers: bearer(key), timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
  if (response.status !== 200) throw failureForStatus(response, url, key, wording);
  const body = parseJsonBody(response, `The server at ${baseUrl}`, { base: baseUrl });
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new HttpFailure(
      'bad-response',
      `The server at ${baseUrl} answered, but not with a model list. Check that the URL points at a ${wording.product}.`,
    );
  }
  const entries = usableEntries(data);
  const sentinels = [...new Set(entries.map((entry) => entry.id).filter(isSentinelModelId))];
  return { models: toModelList(entries), sentinels };
}

/** {@link listOpenAICompatibleIds}, the models only. Throws {@link HttpFailure}. */
export async function listOpenAICompatibleModels(
  options: ProxyClientOptions,
  baseUrl: string,
  key: string | null,
  wording: PlatformWording,
): Promise<Model[]> {
  return (await listOpenAICompatibleIds(options, baseUrl, key, wording)).models;
}
