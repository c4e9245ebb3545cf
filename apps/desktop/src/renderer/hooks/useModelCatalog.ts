import { toModel, type CachedModelList, type InstanceId, type ModelIdList } from '@switchboard/shared';
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { afterNextPaint } from '../lib/after-next-paint';
import { metadataInPages } from '../lib/catalog-metadata-pages';
import type { Outcome } from '../lib/bridge';
import type { CatalogAction, CatalogState } from '../lib/catalog-state';
import type { CatalogStore } from '../lib/catalog-store';
import type { UiError } from '../lib/errors';
import type { PlatformCalls } from '../lib/platform-calls';
import { instanceId as instanceIdOf, type PlatformInstance } from '../lib/platforms';
import { usePlatformCalls } from './usePlatformCalls';

/** What can be done with one instance's list: the same functions for as long as it is the same instance. */
interface CatalogActions {
  /** The list as it is now, for code that has awaited since the last render. */
  latest(): CatalogState;
  /** Shows the saved connection's cached list at once; answers it, or null when there is none. */
  showCached(): Promise<CachedModelList | null>;
  /** Asks the saved proxy again, ids first and metadata after (see the README). Calls made while one runs share it. */
  refresh(url: string, reason: 'manual' | 'background'): Promise<Outcome<ModelIdList>>;
  /** A connection test of `url` started. */
  testStarted(url: string): void;
  /** A connection test listed these ids (with what the proxy said about the key's access); their metadata follows by itself. */
  listed(url: string, modelIds: readonly string[], accessNote?: string): void;
  failed(url: string, error: UiError): void;
  clear(): void;
}

/** The model list of one platform instance, and what can be done with it. */
export interface ModelCatalog extends CatalogActions {
  instanceId: InstanceId;
  state: CatalogState;
  /** The clock relative times are read against; injected in tests. */
  now(): number;
}

function bindCatalog(store: CatalogStore, instanceId: InstanceId, calls: PlatformCalls): CatalogActions {
  const dispatch = (action: CatalogAction) => store.dispatch({ type: 'instance', instanceId, action });

  // The one place where listed ids become models (README, "Ids first, metadata after").
  const show = (url: string, modelIds: readonly string[], fetchedAt: number, accessNote: string | undefined) => {
    const models = modelIds.map((id) => toModel({ id }));
    const listing = store.nextListing();
    const { fetchMetadataOf } = calls;
    dispatch({ type: 'ids-loaded', url, models, fetchedAt, listing, complete: fetchMetadataOf === null, accessNote });
    if (!fetchMetadataOf) return;
    // The rows a picker shows get theirs first; a failure there leaves them to the rest.
    store.rowsFirst.expect(instanceId, listing, async (ids) => {
      const some = await fetchMetadataOf({ ids });
      if (some.ok) dispatch({ type: 'metadata-some', listing, models: some.value.models });
      return some.ok;
    });
    // The rest, once the ids are on screen and the rows shown have theirs (README, "Ids first, metadata after"). The
    // rows shown are asked again: their quick answer lacks what only the whole one says (a deployment's description).
    afterNextPaint(() => {
      void store.rowsFirst.answered(instanceId, listing).then(async () => {
        const rest = await metadataInPages(fetchMetadataOf, modelIds);
        if (!rest.ok) return dispatch({ type: 'metadata-failed', listing });
        dispatch({ type: 'metadata-loaded', listing, models: rest.value.models, fetchedAt: rest.value.fetchedAt ?? fetchedAt });
      });
    });
  };

  return {
    latest: () => store.stateOf(instanceId),
    showCached: async () => {
      const cached = await calls.getCachedModels();
      // An unreadable cache is no cache: the list is fetched instead.
      if (!cached.ok || cached.value === null) return null;
      dispatch({ type: 'cache-loaded', ...cached.value });
      return cached.value;
    },
    refresh: (url, reason) =>
      store.shared(instanceId, async () => {
        dispatch({ type: 'fetch-started', url, reason });
        const list = await calls.fetchModels();
        if (list.ok) show(url, list.value.modelIds, list.value.fetchedAt, list.value.accessNote);
        else dispatch({ type: 'fetch-failed', url, error: list.error });
        return list;
      }),
    testStarted: (url) => dispatch({ type: 'fetch-started', url, reason: 'test' }),
    listed: (url, modelIds, accessNote) => show(url, modelIds, store.now(), accessNote),
    failed: (url, error) => dispatch({ type: 'fetch-failed', url, error }),
    clear: () => dispatch({ type: 'cleared' }),
  };
}

export const CatalogStoreContext = createContext<CatalogStore | null>(null);

export function useCatalogStore(): CatalogStore {
  const store = useContext(CatalogStoreContext);
  if (!store) throw new Error('useCatalogStore needs a CatalogStoreContext provider (see App).');
  return store;
}

/** The list of one platform instance: a list per instance, so switching platforms keeps each one's. */
export function useModelCatalog(instance: PlatformInstance): ModelCatalog {
  const store = useCatalogStore();
  const instanceId = instanceIdOf(instance);
  const calls = usePlatformCalls(instance);
  const state = useSyncExternalStore(store.subscribe, () => store.stateOf(instanceId));
  const actions = useMemo(() => bindCatalog(store, instanceId, calls), [store, instanceId, calls]);
  return useMemo(() => ({ instanceId, state, now: store.now, ...actions }), [instanceId, state, store, actions]);
}
