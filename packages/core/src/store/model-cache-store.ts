import type { Model } from '@switchboard/shared';
import type { ConfLike } from './settings-store.js';

interface StoredModelList {
  /** The proxy the list came from: a list for another URL is not shown. */
  url: string;
  fetchedAt: number;
  models: Model[];
  /** What was said about the key's access with this list (a LiteLLM team key). */
  accessNote?: string;
}

/**
 * The last model list of each platform instance. It lives in a store of its own
 * (`model-cache.json`) because a 10,000-model list would make every read of
 * the small settings file slow.
 */
export interface ModelCacheStore {
  read(instanceId: string): StoredModelList | null;
  write(instanceId: string, list: StoredModelList): void;
  clear(instanceId: string): void;
}

function isCachedModelList(value: unknown): value is StoredModelList {
  const list = value as Partial<StoredModelList> | null;
  return Boolean(list && typeof list.url === 'string' && typeof list.fetchedAt === 'number' && Array.isArray(list.models));
}

/**
 * Fields a model gained after lists were first cached (issue #10: what the
 * proxy says about each model). A list written by an earlier version lacks
 * them; they read as unknown, which is what that version knew.
 */
const LATER_FIELDS = [
  'description',
  'underlying',
  'cacheReadCostPerMillion',
  'cacheWriteCostPerMillion',
  'supportsPdf',
  'supportsWebSearch',
  'supportsPromptCaching',
] as const satisfies ReadonlyArray<keyof Model>;

/** The cache's migration: a model from an older list gets every later field as null, and keeps everything it had. */
function upgradeModel(model: Model): Model {
  const stored = model as Partial<Model>;
  // Most reads find current models: check before copying, as this runs for 10,000 models at start.
  if (LATER_FIELDS.every((field) => stored[field] !== undefined) && stored.sources !== undefined) return model;
  const upgraded: Model = { ...model, sources: stored.sources ?? {} };
  for (const field of LATER_FIELDS) upgraded[field] ??= null;
  return upgraded;
}

function upgradeList(stored: StoredModelList): StoredModelList {
  // A note that is not text (a hand edit) is no note; the list is still shown.
  const { accessNote, ...rest } = stored;
  const list: StoredModelList = typeof accessNote === 'string' || accessNote === undefined ? stored : rest;
  // Entries that are not models at all (a hand edit) are dropped rather than shown as rows without an id.
  const models = list.models.filter((model) => typeof model === 'object' && model !== null && typeof (model as { id?: unknown }).id === 'string');
  const upgraded = models.map(upgradeModel);
  return models.length === list.models.length && upgraded.every((model, index) => model === models[index]) ? list : { ...list, models: upgraded };
}

export function createModelCacheStore(conf: ConfLike): ModelCacheStore {
  return {
    read(instanceId) {
      const value = conf.store[instanceId];
      return isCachedModelList(value) ? upgradeList(value) : null;
    },
    write(instanceId, list) {
      conf.store = { ...conf.store, [instanceId]: list };
    },
    clear(instanceId) {
      const { [instanceId]: _removed, ...rest } = conf.store;
      conf.store = rest;
    },
  };
}
