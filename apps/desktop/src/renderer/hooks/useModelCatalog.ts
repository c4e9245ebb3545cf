import { toModel, type CachedModelList, type InstanceId, type Model, type ModelIdList } from '@switchboard/shared';
import { createContext, useCallback, useContext, useMemo, useReducer, useRef } from 'react';
import { afterNextPaint } from '../lib/after-next-paint';
import type { Outcome } from '../lib/bridge';
import { catalogOf, catalogsReducer, type CatalogAction, type CatalogsAction, type CatalogState, type CatalogStates } from '../lib/catalog-state';
import type { UiError } from '../lib/errors';
import type { PlatformCalls } from '../lib/platform-calls';
import { instanceId as instanceIdOf, type PlatformInstance } from '../lib/platforms';
import { usePlatformCalls } from './usePlatformCalls';

/** The model list of one platform instance, and what can be done with it. */
export interface ModelCatalog {
  instanceId: InstanceId;
  state: CatalogState;
  /** The clock relative times are read against; injected in tests. */
  now(): number;
  /** Shows the saved connection's cached list at once; answers it, or null when there is none. */
  showCached(): Promise<CachedModelList | null>;
  /** Asks the saved proxy again, ids first and metadata after (see the README). Calls made while one runs share it. */
  refresh(url: string, reason: 'manual' | 'background'): Promise<Outcome<ModelIdList>>;
  /** A connection test of `url` started. */
  testStarted(url: string): void;
  /** A connection test listed these ids (with what the proxy said about the key's access); their metadata follows by itself. */
  listed(url: string, models: Model[], accessNote?: string): void;
  failed(url: string, error: UiError): void;
  clear(): void;
}

/** Every instance's list, held once for the app (header and Settings say the same thing). */
export interface ModelCatalogs {
  states: CatalogStates;
  now(): number;
  dispatch(action: CatalogsAction): void;
  /** Numbers listings, so the metadata of an older one never lands on a newer list. */
  nextListing(): number;
  /** Runs `start` unless a run for `key` is under way, in which case its promise is shared. */
  shared(key: string, start: () => Promise<Outcome<ModelIdList>>): Promise<Outcome<ModelIdList>>;
}

export function useModelCatalogs(now: () => number = Date.now): ModelCatalogs {
  const [states, dispatch] = useReducer(catalogsReducer, {});
  const listing = useRef(0);
  const inflight = useRef(new Map<string, Promise<Outcome<ModelIdList>>>());
  const nextListing = useCallback(() => (listing.current += 1), []);
  const shared = useCallback((key: string, start: () => Promise<Outcome<ModelIdList>>) => {
    const running = inflight.current.get(key);
    if (running) return running;
    const run = start().finally(() => inflight.current.delete(key));
    inflight.current.set(key, run);
    return run;
  }, []);
  return useMemo(() => ({ states, now, dispatch, nextListing, shared }), [states, now, nextListing, shared]);
}

type CatalogActions = Omit<ModelCatalog, 'instanceId' | 'state' | 'now'>;

function bindCatalog(store: Omit<ModelCatalogs, 'states'>, instanceId: InstanceId, calls: PlatformCalls): CatalogActions {
  const dispatch = (action: CatalogAction) => store.dispatch({ type: 'instance', instanceId, action });

  const show = (url: string, models: Model[], fetchedAt: number, accessNote: string | undefined) => {
    const listing = store.nextListing();
    const { fetchMetadata } = calls;
    dispatch({ type: 'ids-loaded', url, models, fetchedAt, listing, complete: fetchMetadata === null, accessNote });
    if (!fetchMetadata) return;
    // Asked once the ids are on screen: README, "Ids first, metadata after".
    afterNextPaint(() => {
      void fetchMetadata().then((enriched) =>
        dispatch(
          enriched.ok
            ? { type: 'metadata-loaded', listing, models: enriched.value.models, fetchedAt: enriched.value.fetchedAt }
            : { type: 'metadata-failed', listing },
        ),
      );
    });
  };

  return {
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
        if (list.ok) show(url, list.value.modelIds.map((id) => toModel({ id })), list.value.fetchedAt, list.value.accessNote);
        else dispatch({ type: 'fetch-failed', url, error: list.error });
        return list;
      }),
    testStarted: (url) => dispatch({ type: 'fetch-started', url, reason: 'test' }),
    listed: (url, models, accessNote) => show(url, models, store.now(), accessNote),
    failed: (url, error) => dispatch({ type: 'fetch-failed', url, error }),
    clear: () => dispatch({ type: 'cleared' }),
  };
}

export const CatalogContext = createContext<ModelCatalogs | null>(null);

export function useCatalogs(): ModelCatalogs {
  const catalogs = useContext(CatalogContext);
  if (!catalogs) throw new Error('useCatalogs needs a CatalogContext provider (see App).');
  return catalogs;
}

/** The list of one platform instance: a list per instance, so switching platforms keeps each one's. */
export function useModelCatalog(instance: PlatformInstance): ModelCatalog {
  const { states, now, dispatch, nextListing, shared } = useCatalogs();
  const instanceId = instanceIdOf(instance);
  const calls = usePlatformCalls(instance);
  const actions = useMemo(() => bindCatalog({ now, dispatch, nextListing, shared }, instanceId, calls), [now, dispatch, nextListing, shared, instanceId, calls]);
  const state = catalogOf(states, instanceId);
  return useMemo(() => ({ instanceId, state, now, ...actions }), [instanceId, state, now, actions]);
}
