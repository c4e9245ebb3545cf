import { enrichModels } from '../../catalog/enrich-models.js';
import { parseModelGroupInfo, parseModelInfo, type ProxyModelFacts } from '../../catalog/proxy-metadata.js';
import type { PublicModelMap } from '../../catalog/public-model-map.js';
import { httpGet } from '../../http/index.js';
import { listOpenAICompatibleModels } from '../openai-compatible-models.js';
import type { CatalogListing } from '../platform.js';
import { bearer, type PlatformWording, type ProxyClientOptions } from '../proxy-client.js';

export const LITELLM_WORDING: PlatformWording = {
  product: 'LiteLLM proxy',
  urlHint: "Use the proxy's base URL, for example http://localhost:4000.",
};

const NO_FACTS = new Map<string, ProxyModelFacts>();

/** Metadata endpoints are optional (older proxies, restricted keys): any failure means "the proxy does not say". */
async function fetchProxyFacts(
  client: ProxyClientOptions,
  url: string,
  key: string | null,
  parse: (body: unknown) => Map<string, ProxyModelFacts>,
): Promise<Map<string, ProxyModelFacts>> {
  try {
    // Metadata answers are several times larger than the id list.
    const response = await httpGet(client.fetch, url, { headers: bearer(key), timeoutMs: client.timeoutMs, maxBytes: client.maxBytes * 4 });
    return response.status === 200 ? parse(JSON.parse(response.text)) : NO_FACTS;
  } catch {
    return NO_FACTS;
  }
}

/**
 * Asks a LiteLLM proxy for its models; `enrich` then asks what it knows about
 * them, while the public map loads. The ids come back first; the metadata
 * follows and never holds the list up.
 */
export async function listLiteLLMCatalog(
  client: ProxyClientOptions,
  publicMap: PublicModelMap,
  baseUrl: string,
  key: string | null,
): Promise<CatalogListing> {
  const models = await listOpenAICompatibleModels(client, baseUrl, key, LITELLM_WORDING);
  // Asked once the ids are in and wanted: at 10,000 models these answers are tens of MB, and reading
  // them while the ids were on their way to the screen held the ids (what the person waits for) up.
  const enrich = async () => {
    const [groups, deployments, publicIndex] = await Promise.all([
      fetchProxyFacts(client, `${baseUrl}/model_group/info`, key, parseModelGroupInfo),
      fetchProxyFacts(client, `${baseUrl}/model/info`, key, parseModelInfo),
      publicMap.load(),
    ]);
    return enrichModels(models, { groups, deployments, publicIndex });
  };
  return { models, enrich };
}
