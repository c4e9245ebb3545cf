import type { ProxyModelFacts } from '../../catalog/proxy-metadata.js';
import { httpGet } from '../../http/index.js';
import { bearer, type ProxyClientOptions } from '../proxy-client.js';

export type FactsReader = (body: unknown) => Map<string, ProxyModelFacts> | null;

/**
 * One of LiteLLM's metadata endpoints. They are optional (older proxies,
 * restricted keys), so any failure (a status other than 200, a web page,
 * invalid JSON, another shape, too large, too slow) is null: "the proxy does
 * not say". An answered list, even an empty one, is a map.
 */
export async function fetchProxyFacts(
  client: ProxyClientOptions,
  url: string,
  key: string | null,
  read: FactsReader,
): Promise<Map<string, ProxyModelFacts> | null> {
  try {
    // Metadata answers are several times larger than the id list.
    const response = await httpGet(client.fetch, url, { headers: bearer(key), timeoutMs: client.timeoutMs, maxBytes: client.maxBytes * 4 });
    return response.status === 200 ? read(JSON.parse(response.text)) : null;
  } catch {
    return null;
  }
}
