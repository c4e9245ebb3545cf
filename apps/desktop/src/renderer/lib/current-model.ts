import type { Model, PlatformConfigView } from '@switchboard/shared';
import { listOf, type CatalogState } from './catalog-state';

/**
 * Whether a model id is in the latest list of the proxy it was chosen on:
 * `missing` only when that list is known and lacks it; `unknown` when there
 * is no list of that proxy (not fetched yet, or another proxy is shown).
 */
export type Availability = 'offered' | 'missing' | 'unknown';

export function availabilityOf(modelId: string | null, models: readonly Model[] | null): Availability {
  if (modelId === null || models === null) return 'unknown';
  return models.some((model) => model.id === modelId) ? 'offered' : 'missing';
}

/** Whether the saved model is still offered by the saved proxy, as far as the catalog (of that proxy) knows. */
export function savedModelAvailability(config: Pick<PlatformConfigView, 'connected' | 'url' | 'selectedModel'> | null | undefined, catalog: CatalogState): Availability {
  if (!config?.connected) return 'unknown';
  return availabilityOf(config.selectedModel, listOf(catalog, config.url));
}

/** "gpt-4o is no longer offered by the proxy." */
export function noLongerOffered(modelId: string): string {
  return `${modelId} is no longer offered by the proxy.`;
}
