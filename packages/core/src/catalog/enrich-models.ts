import { METADATA_FIELDS, type MetadataSource, type Model } from '@switchboard/shared';
import type { ModelMetadata } from './litellm-fields.js';
import type { ProxyModelFacts } from './proxy-metadata.js';
import { lookupPublicModel, type PublicModelIndex } from './public-model-index.js';

export interface MetadataSources {
  /** From `/model_group/info`, by alias. */
  groups: Map<string, ProxyModelFacts>;
  /** From `/model/info`, by alias. */
  deployments: Map<string, ProxyModelFacts>;
  publicIndex: PublicModelIndex | null;
}

/**
 * Fills in what is known about a model, field by field: what the proxy says
 * wins, the public map fills gaps, and anything neither knows stays null.
 * Each filled field records its source.
 */
export function enrichModel(model: Model, sources: MetadataSources): Model {
  const group = sources.groups.get(model.id);
  const deployment = sources.deployments.get(model.id);
  const underlying = deployment?.underlying ?? null;
  const publicFacts = sources.publicIndex ? lookupPublicModel(sources.publicIndex, model.id, underlying) : null;
  const layers: Array<[ModelMetadata | null | undefined, MetadataSource]> = [
    [group?.metadata, 'proxy'],
    [deployment?.metadata, 'proxy'],
    [publicFacts?.metadata, 'public-map'],
  ];
  const enriched: Model = { ...model, sources: { ...model.sources } };
  for (const field of METADATA_FIELDS) {
    if (enriched[field] !== null) continue;
    for (const [metadata, source] of layers) {
      const value = metadata?.[field];
      if (value === null || value === undefined) continue;
      (enriched as Record<string, unknown>)[field] = value;
      enriched.sources[field] = source;
      break;
    }
  }
  enriched.provider = model.provider ?? group?.provider ?? deployment?.provider ?? publicFacts?.provider ?? null;
  return enriched;
}

export function enrichModels(models: readonly Model[], sources: MetadataSources): Model[] {
  return models.map((model) => enrichModel(model, sources));
}
