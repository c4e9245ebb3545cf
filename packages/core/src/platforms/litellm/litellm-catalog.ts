import { enrichModels } from '../../catalog/enrich-models.js';
import { readModelGroupInfo, readModelInfo, type ProxyModelFacts } from '../../catalog/proxy-metadata.js';
import type { PublicModelMap } from '../../catalog/public-model-map.js';
import { listOpenAICompatibleIds } from '../openai-compatible-models.js';
import type { CatalogListing } from '../platform.js';
import type { PlatformWording, ProxyClientOptions } from '../proxy-client.js';
import { fetchProxyFacts } from './proxy-facts.js';
import { listForScopedKey, mixedAccessNote, type ScopedKeyListing } from './scoped-key-listing.js';

export const LITELLM_WORDING: PlatformWording = {
  product: 'LiteLLM proxy',
  urlHint: "Use the proxy's base URL, for example http://localhost:4000.",
};

const orNothing = (facts: Map<string, ProxyModelFacts> | null): Map<string, ProxyModelFacts> => facts ?? new Map();

async function fetchGroups(client: ProxyClientOptions, baseUrl: string, key: string | null): Promise<Map<string, ProxyModelFacts>> {
  return orNothing(await fetchProxyFacts(client, `${baseUrl}/model_group/info`, key, readModelGroupInfo));
}

/** How many `/model_group/info?model_group=` requests run at once: a screen of rows (about a dozen) in one or two rounds of small answers. */
const GROUPS_AT_ONCE = 10;

/** Each id's own group (`/model_group/info?model_group=<id>`), a few at a time: a screen's worth costs a few small answers, not tens of MB. */
async function fetchGroupsOf(client: ProxyClientOptions, baseUrl: string, key: string | null, ids: readonly string[]): Promise<Map<string, ProxyModelFacts>> {
  const found = new Map<string, ProxyModelFacts>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      const facts = await fetchProxyFacts(client, `${baseUrl}/model_group/info?model_group=${encodeURIComponent(id)}`, key, readModelGroupInfo);
      const own = facts?.get(id);
      if (own) found.set(id, own);
    }
  };
  await Promise.all(Array.from({ length: Math.min(GROUPS_AT_ONCE, ids.length) }, worker));
  return found;
}

/** The groups a sentinel fallback read; it went past /model_group/info only when that answered nothing useful. */
function prefetchedGroups(prefetched: NonNullable<ScopedKeyListing['prefetched']>): Map<string, ProxyModelFacts> {
  return prefetched.layer === 'groups' ? prefetched.facts : new Map();
}

/** The deployments: `/model/info`, or `/v2/model/info` when the first answers an empty list (LiteLLM #41730). */
async function fetchDeployments(client: ProxyClientOptions, baseUrl: string, key: string | null): Promise<Map<string, ProxyModelFacts>> {
  const deployments = await fetchProxyFacts(client, `${baseUrl}/model/info`, key, readModelInfo);
  if (deployments === null || deployments.size > 0) return orNothing(deployments);
  return orNothing(await fetchProxyFacts(client, `${baseUrl}/v2/model/info`, key, readModelInfo));
}

/**
 * Asks a LiteLLM proxy for its models; `enrich` then asks what it knows about
 * them, while the public map loads. The ids come back first; the metadata
 * follows and never holds the list up. A key whose list names only sentinels
 * gets its list from the metadata endpoints instead, and a note saying so.
 */
export async function listLiteLLMCatalog(
  client: ProxyClientOptions,
  publicMap: PublicModelMap,
  baseUrl: string,
  key: string | null,
): Promise<CatalogListing> {
  const listing = await listOpenAICompatibleIds(client, baseUrl, key, LITELLM_WORDING);
  let scoped: ScopedKeyListing | null = null;
  if (listing.sentinels.length > 0 && listing.models.length === 0) scoped = await listForScopedKey(client, baseUrl, key, listing.sentinels);
  const models = scoped ? scoped.models : listing.models;
  const prefetched = scoped?.prefetched ?? null;
  // Asked only once the ids are in and wanted: README, "Ids first, metadata after".
  const enrich = async () => {
    const [groups, deployments, publicIndex] = await Promise.all([
      prefetched === null ? fetchGroups(client, baseUrl, key) : prefetchedGroups(prefetched),
      prefetched?.layer === 'deployments' ? prefetched.facts : fetchDeployments(client, baseUrl, key),
      publicMap.load(),
    ]);
    return enrichModels(models, { groups, deployments, publicIndex });
  };
  // The rows on screen, before the whole answer: their own groups and the public map. The deployments
  // (/model/info) cannot be asked per model; the whole answer, which follows, reads them too.
  const enrichSome = async (ids: readonly string[]) => {
    const wanted = new Set(ids);
    const some = models.filter((model) => wanted.has(model.id));
    if (some.length === 0) return [];
    const [groups, publicIndex] = await Promise.all([
      prefetched === null ? fetchGroupsOf(client, baseUrl, key, some.map((model) => model.id)) : prefetchedGroups(prefetched),
      publicMap.load(),
    ]);
    const deployments = prefetched?.layer === 'deployments' ? prefetched.facts : new Map<string, ProxyModelFacts>();
    return enrichModels(some, { groups, deployments, publicIndex });
  };
  const accessNote = scoped?.accessNote ?? (listing.sentinels.length > 0 ? mixedAccessNote(listing.sentinels) : undefined);
  return accessNote === undefined ? { models, enrich, enrichSome } : { models, enrich, enrichSome, accessNote };
}
