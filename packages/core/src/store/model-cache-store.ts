import type { Model } from '@switchboard/shared';
import type { ConfLike } from './settings-store.js';

export interface CachedModelList {
  /** The proxy the list came from: a list for another URL is not shown. */
  url: string;
  fetchedAt: number;
  models: Model[];
}

/**
 * The last model list of each platform instance. It lives in a store of its own
 * (`model-cache.json`) because a 10,000-model list would make every read of
 * the small settings file slow.
 */
export interface ModelCacheStore {
  read(instanceId: string): CachedModelList | null;
  write(instanceId: string, list: CachedModelList): void;
  clear(instanceId: string): void;
}

function isCachedModelList(value: unknown): value is CachedModelList {
  const list = value as Partial<CachedModelList> | null;
  return Boolean(list && typeof list.url === 'string' && typeof list.fetchedAt === 'number' && Array.isArray(list.models));
}

export function createModelCacheStore(conf: ConfLike): ModelCacheStore {
  return {
    read(instanceId) {
      const value = conf.store[instanceId];
      return isCachedModelList(value) ? value : null;
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
