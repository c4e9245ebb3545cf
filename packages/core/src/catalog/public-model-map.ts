import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFile } from 'atomically';
import { httpGet, parseJsonBody, type FetchLike } from '../http/index.js';
import { buildPublicModelIndex, type PublicModelIndex } from './public-model-index.js';

export interface PublicModelMapOptions {
  fetch: FetchLike;
  url: string;
  /** Where the last good copy is kept, under the user-data folder. */
  cacheFile: string;
  lifetimeMs: number;
  timeoutMs: number;
  now: () => number;
}

interface CachedCopy {
  fetchedAt: number;
  url: string;
  map: unknown;
}

export interface PublicModelMap {
  /** The index, or null when there is neither a reachable source nor a cached copy. Never throws. */
  load(): Promise<PublicModelIndex | null>;
}

// The map is 1.3 MB today; allow it to grow a good deal before calling it wrong.
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * LiteLLM's public model metadata, kept in memory and in a file cache for a
 * day. Without a network the last cached copy is used, however old: stale
 * prices beat no prices. Concurrent callers share one download.
 */
export function createPublicModelMap(options: PublicModelMapOptions): PublicModelMap {
  let memory: { fetchedAt: number; index: PublicModelIndex } | null = null;
  let pending: Promise<PublicModelIndex | null> | null = null;
  const fresh = (fetchedAt: number) => options.now() - fetchedAt < options.lifetimeMs;

  const readCache = async (): Promise<CachedCopy | null> => {
    try {
      const copy = JSON.parse(await readFile(options.cacheFile, 'utf8')) as CachedCopy;
      return copy.url === options.url && typeof copy.fetchedAt === 'number' ? copy : null;
    } catch {
      return null;
    }
  };

  const download = async (): Promise<CachedCopy | null> => {
    try {
      const response = await httpGet(options.fetch, options.url, { timeoutMs: options.timeoutMs, maxBytes: MAX_BYTES });
      if (response.status !== 200) return null;
      const copy: CachedCopy = { fetchedAt: options.now(), url: options.url, map: parseJsonBody(response, options.url) };
      // A cache that cannot be written only costs a download next time.
      await mkdir(dirname(options.cacheFile), { recursive: true })
        .then(() => writeFile(options.cacheFile, JSON.stringify(copy)))
        .catch(() => undefined);
      return copy;
    } catch {
      return null;
    }
  };

  const refresh = async (): Promise<PublicModelIndex | null> => {
    const cached = memory ? null : await readCache();
    if (cached && fresh(cached.fetchedAt)) {
      memory = { fetchedAt: cached.fetchedAt, index: buildPublicModelIndex(cached.map) };
      return memory.index;
    }
    const downloaded = await download();
    const best = downloaded ?? cached;
    if (best) memory = { fetchedAt: best.fetchedAt, index: buildPublicModelIndex(best.map) };
    return memory?.index ?? null;
  };

  return {
    load() {
      if (memory && fresh(memory.fetchedAt)) return Promise.resolve(memory.index);
      pending ??= refresh().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}
