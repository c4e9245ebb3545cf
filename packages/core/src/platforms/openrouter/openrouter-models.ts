import { METADATA_FIELDS, modelListFilter, providerFromId, type MetadataField, type MetadataSource, type Model } from '@switchboard/shared';
import { label, pricePerMillion, tokenLimit } from '../../catalog/plausible-values.js';
import { isModelId } from '../model-id.js';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The single mapper from an OpenRouter `/models` entry to a {@link Model}; everything it gives comes from the platform. */
export function openRouterModel(entry: Fields & { id: string }): Model {
  const architecture = isFields(entry.architecture) ? entry.architecture : {};
  const pricing = isFields(entry.pricing) ? entry.pricing : {};
  const topProvider = isFields(entry.top_provider) ? entry.top_provider : {};
  const parameters = strings(entry.supported_parameters);
  const inputs = strings(architecture.input_modalities);
  const outputs = strings(architecture.output_modalities);
  const model: Model = {
    id: entry.id,
    name: label(entry.name) ?? entry.id,
    provider: providerFromId(entry.id),
    // OpenRouter's descriptions are its own marketing paragraphs, not what an admin wrote.
    description: null,
    underlying: null,
    mode: outputs.length === 0 || outputs.includes('text') ? 'chat' : outputs.includes('image') ? 'image_generation' : outputs[0] ?? null,
    contextLength: tokenLimit(entry.context_length) ?? tokenLimit(topProvider.context_length),
    maxOutputTokens: tokenLimit(topProvider.max_completion_tokens),
    // OpenRouter prices are USD per token as strings; "-1" marks a router whose price depends on the model it picks.
    inputCostPerMillion: pricePerMillion(pricing.prompt),
    outputCostPerMillion: pricePerMillion(pricing.completion),
    cacheReadCostPerMillion: pricePerMillion(pricing.input_cache_read),
    cacheWriteCostPerMillion: pricePerMillion(pricing.input_cache_write),
    supportsVision: inputs.length > 0 ? inputs.includes('image') : null,
    supportsTools: parameters.length > 0 ? parameters.includes('tools') : null,
    supportsReasoning: parameters.length > 0 ? parameters.includes('reasoning') || parameters.includes('include_reasoning') : null,
    // OpenRouter calls a PDF a "file" input.
    supportsPdf: inputs.length > 0 ? inputs.includes('file') : null,
    supportsWebSearch: null,
    supportsPromptCaching: null,
    sources: {},
  };
  const sources: Partial<Record<MetadataField, MetadataSource>> = {};
  for (const field of METADATA_FIELDS) {
    if (model[field] !== null) sources[field] = 'proxy';
  }
  return { ...model, sources };
}

/** OpenRouter's models, kept as every listing keeps them (shared's `modelListFilter`): the renderer shows them as they come. */
export function openRouterModels(data: readonly unknown[]): Model[] {
  const keeps = modelListFilter();
  const models: Model[] = [];
  for (const entry of data) {
    if (!isFields(entry) || !isModelId(entry.id) || !keeps(entry.id)) continue;
    models.push(openRouterModel(entry as Fields & { id: string }));
  }
  return models;
}
