import { toModelList, type Model } from '@switchboard/shared';
import { readModelGroupInfo, readModelInfo, type ProxyModelFacts } from '../../catalog/proxy-metadata.js';
import type { ProxyClientOptions } from '../proxy-client.js';
import { fetchProxyFacts, type FactsReader } from './proxy-facts.js';

/** Where a list can come from when `/v1/models` names only sentinels, in the order they are asked. */
const SOURCES: ReadonlyArray<{ path: string; read: FactsReader; layer: 'groups' | 'deployments' }> = [
  { path: '/model_group/info', read: readModelGroupInfo, layer: 'groups' },
  { path: '/v1/model/info', read: readModelInfo, layer: 'deployments' },
  // Some proxies answer /model/info with an empty list while /v2/model/info lists the deployments (LiteLLM #41730).
  { path: '/v2/model/info', read: readModelInfo, layer: 'deployments' },
];

export interface ScopedKeyListing {
  models: Model[];
  accessNote: string;
  /** The answer the list was read from, so the metadata that follows need not ask for it again. */
  prefetched: { layer: 'groups' | 'deployments'; facts: Map<string, ProxyModelFacts> } | null;
}

const named = (sentinels: readonly string[]): string => sentinels.map((id) => `"${id}"`).join(' and ');
const listed = (paths: readonly string[], word: 'and' | 'or'): string =>
  paths.length <= 1 ? (paths[0] ?? '') : `${paths.slice(0, -1).join(', ')} ${word} ${paths.at(-1) ?? ''}`;

/** The sentence for a list that mixes real ids with sentinels. */
export function mixedAccessNote(sentinels: readonly string[]): string {
  return `This key's access decides what is listed: beside its models, the proxy lists ${named(sentinels)}, which stands for the models the key's team or access groups may use.`;
}

/**
 * A key that belongs to a team or has access groups: `/v1/models` names only
 * sentinels (`all-team-models`, …; LiteLLM #30619, #31438, #31966), so the
 * list comes from the first metadata endpoint that lists models for the key.
 * Never throws: the key was accepted, and the note says what was found.
 */
export async function listForScopedKey(
  client: ProxyClientOptions,
  baseUrl: string,
  key: string | null,
  sentinels: readonly string[],
): Promise<ScopedKeyListing> {
  const answered: string[] = [];
  for (const source of SOURCES) {
    const facts = await fetchProxyFacts(client, `${baseUrl}${source.path}`, key, source.read);
    if (facts === null) continue;
    answered.push(source.path);
    const models = toModelList([...facts.keys()].map((id) => ({ id })));
    if (models.length === 0) continue;
    return {
      models,
      accessNote: `This key's access decides what is listed: the proxy's model list names only ${named(sentinels)}, so these models come from ${source.path}.`,
      prefetched: { layer: source.layer, facts },
    };
  }
  const accessNote =
    answered.length > 0
      ? `This key sees no models: the proxy's model list names only ${named(sentinels)}, and ${listed(answered, 'and')} ${answered.length === 1 ? 'lists' : 'list'} none for it. Ask the proxy's admin to give the key (or its team) access to models.`
      : `This key's access decides what is listed, but the proxy did not say what that is: its model list names only ${named(sentinels)}, and none of ${listed(SOURCES.map((source) => source.path), 'or')} answered with a list. Check that the key may read them, or ask the proxy's admin which models it may use.`;
  return { models: [], accessNote, prefetched: null };
}
