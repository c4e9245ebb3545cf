import type { Model } from '@switchboard/shared';
import { httpGet, type FetchLike } from '../http/index.js';
import { listLiteLLMModels, type ProxyClientOptions } from '../litellm/litellm-client.js';
import { enrichModels } from './enrich-models.js';
import { parseModelGroupInfo, parseModelInfo, type ProxyModelFacts } from './proxy-metadata.js';
import type { PublicModelMap } from './public-model-map.js';

export interface CatalogListing {
  /** The proxy's models as soon as their ids are known. */
  models: Model[];
  /** The same models with everything known about them; never rejects. */
  enriched: Promise<Model[]>;
}

const NO_FACTS = new Map<string, ProxyModelFacts>();

/** Metadata endpoints are optional (older proxies, restricted keys): any failure means "the proxy does not say". */
async function fetchProxyFacts(
  fetchImpl: FetchLike,
  url: string,
  key: string | null,
  options: ProxyClientOptions,
  parse: (body: unknown) => Map<string, ProxyModelFacts>,
): Promise<Map<string, ProxyModelFacts>> {
  try {
    const response = await httpGet(fetchImpl, url, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes * 4,
    });
    return response.status === 200 ? parse(JSON.parse(response.text)) : NO_FACTS;
  } catch {
    return NO_FACTS;
  }
}

/**
 * Asks a LiteLLM proxy for its models and, in parallel, for what it knows
 * about them, while the public map loads. The ids come back first; the
 * metadata follows and never holds the list up.
 */
export async function listLiteLLMCatalog(
  client: ProxyClientOptions,
  publicMap: PublicModelMap,
  baseUrl: string,
  key: string | null,
): Promise<CatalogListing> {
  const groups = fetchProxyFacts(client.fetch, `${baseUrl}/model_group/info`, key, client, parseModelGroupInfo);
  const deployments = fetchProxyFacts(client.fetch, `${baseUrl}/model/info`, key, client, parseModelInfo);
  const publicIndex = publicMap.load();
  const models = await listLiteLLMModels(client, baseUrl, key);
  const enriched = Promise.all([groups, deployments, publicIndex]).then(([groupFacts, deploymentFacts, index]) =>
    enrichModels(models, { groups: groupFacts, deployments: deploymentFacts, publicIndex: index }),
  );
  return { models, enriched };
}

