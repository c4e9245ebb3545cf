import { METADATA_FIELDS, type MetadataField, type MetadataSource, type Model } from '@switchboard/shared';
import type { ModelMetadata } from './litellm-fields.js';
import type { ProxyModelFacts } from './proxy-metadata.js';
import { lookupPublicModel, type PublicModelIndex } from './public-model-index.js';

export interface MetadataSources {
  /** From `/model_group/info`, by alias. */
  groups: Map<string, ProxyModelFacts>;
  /** From `/model/info` (or `/v2/model/info`), by alias. */
  deployments: Map<string, ProxyModelFacts>;
  publicIndex: PublicModelIndex | null;
}

interface Layer {
  metadata: ModelMetadata | null | undefined;
  source: MetadataSource;
  /** Whether a 0 price, a `false` flag or the mode from this layer is a fact rather than a stand-in for "not known". */
  zerosCount: boolean;
}

/**
 * What LiteLLM fills in for a model it has no figures for: prices of 0, every
 * flag false, and a mode it assumes ("chat" for babbage-002, which the public
 * map knows as a completion model).
 */
const isStandIn = (field: MetadataField, value: unknown): boolean => value === 0 || value === false || field === 'mode';

/**
 * Fills in what is known about a model, field by field: what the proxy says
 * wins, the public map fills gaps, and anything neither knows stays null.
 * A proxy's 0 or `false` counts only where its entry is real (see
 * {@link ProxyModelFacts.zeros}); otherwise the next layer, or unknown.
 * Each filled field records its source.
 */
export function enrichModel(model: Model, sources: MetadataSources): Model {
  const group = sources.groups.get(model.id);
  const deployment = sources.deployments.get(model.id);
  const underlying = deployment?.underlying ?? null;
  const publicFacts = sources.publicIndex ? lookupPublicModel(sources.publicIndex, model.id, underlying) : null;
  const layers: Layer[] = [
    { metadata: group?.metadata, source: 'proxy', zerosCount: group?.zeros === 'facts' },
    {
      metadata: deployment?.metadata,
      source: 'proxy',
      // Configured without limits: the public map's figures when it knows the model, the admin's otherwise.
      zerosCount: deployment?.zeros === 'facts' || (deployment?.zeros === 'configured' && publicFacts === null),
    },
    { metadata: publicFacts?.metadata, source: 'public-map', zerosCount: true },
  ];
  const enriched: Model = { ...model, sources: { ...model.sources } };
  const fill = (field: MetadataField, value: unknown, source: MetadataSource) => {
    (enriched as Record<string, unknown>)[field] = value;
    enriched.sources[field] = source;
  };
  for (const field of METADATA_FIELDS) {
    if (enriched[field] !== null) continue;
    // A placeholder's mode is still better than none: kept when no later layer says.
    let assumedMode: { value: unknown; source: MetadataSource } | null = null;
    for (const layer of layers) {
      const value = layer.metadata?.[field];
      if (value === null || value === undefined) continue;
      if (!layer.zerosCount && isStandIn(field, value)) {
        if (field === 'mode') assumedMode ??= { value, source: layer.source };
        continue;
      }
      fill(field, value, layer.source);
      assumedMode = null;
      break;
    }
    if (assumedMode) fill(field, assumedMode.value, assumedMode.source);
  }
  enriched.provider = model.provider ?? group?.provider ?? deployment?.provider ?? publicFacts?.provider ?? null;
  enriched.description = model.description ?? deployment?.description ?? group?.description ?? null;
  enriched.underlying = model.underlying ?? underlying;
  return enriched;
}

export function enrichModels(models: readonly Model[], sources: MetadataSources): Model[] {
  return models.map((model) => enrichModel(model, sources));
}
