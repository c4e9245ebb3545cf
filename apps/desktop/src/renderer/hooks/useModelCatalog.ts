import type { CachedModelList, Model, ModelList } from '@switchboard/shared';
import { createContext, useCallback, useContext, useMemo, useReducer, useRef } from 'react';
import { invokeResult, invokeSafe, type Outcome } from '../lib/bridge';
import { catalogReducer, initialCatalogState, type CatalogState } from '../lib/catalog-state';
import type { UiError } from '../lib/errors';

export interface ModelCatalog {
  state: CatalogState;
  /** The clock relative times are read against; injected in tests. */
  now(): number;
  /** Shows the saved connection's cached list at once; answers it, or null when there is none. */
  showCached(): Promise<CachedModelList | null>;
  /** Asks the saved proxy again: ids first, metadata after. Calls made while one runs share it. */
  refresh(url: string, reason: 'manual' | 'background'): Promise<Outcome<ModelList>>;
  /** A connection test of `url` started. */
  testStarted(url: string): void;
  /** A connection test listed these ids; their metadata follows by itself. */
  listed(url: string, models: Model[]): void;
  failed(url: string, error: UiError): void;
  clear(): void;
}

/**
 * The model list of the app, one for the header and the Settings panel, so
 * both say the same thing: which models the proxy offers, how old the list is,
 * and whether the model in use is still among them.
 */
export function useModelCatalog(now: () => number = Date.now): ModelCatalog {
  const [state, dispatch] = useReducer(catalogReducer, initialCatalogState);
  const listing = useRef(0);
  const inflight = useRef<Promise<Outcome<ModelList>> | null>(null);

  const followMetadata = useCallback(async (number: number) => {
    const enriched = await invokeResult('litellm:fetch-metadata');
    if (enriched.ok) {
      dispatch({ type: 'metadata-loaded', listing: number, models: enriched.value.models, fetchedAt: enriched.value.fetchedAt });
    } else {
      dispatch({ type: 'metadata-failed', listing: number });
    }
  }, []);

  const show = useCallback(
    (url: string, models: Model[], fetchedAt: number) => {
      listing.current += 1;
      dispatch({ type: 'ids-loaded', url, models, fetchedAt, listing: listing.current });
      void followMetadata(listing.current);
    },
    [followMetadata],
  );

  const showCached = useCallback(async () => {
    const cached = await invokeSafe('litellm:get-cached-models');
    // An unreadable cache is no cache: the list is fetched instead.
    if (!cached.ok || cached.value === null) return null;
    dispatch({ type: 'cache-loaded', ...cached.value });
    return cached.value;
  }, []);

  const refresh = useCallback(
    (url: string, reason: 'manual' | 'background') => {
      if (inflight.current) return inflight.current;
      dispatch({ type: 'fetch-started', url, reason });
      const run = (async () => {
        const list = await invokeResult('litellm:fetch-models');
        if (list.ok) show(url, list.value.models, list.value.fetchedAt);
        else dispatch({ type: 'fetch-failed', url, error: list.error });
        inflight.current = null;
        return list;
      })();
      inflight.current = run;
      return run;
    },
    [show],
  );

  const testStarted = useCallback((url: string) => dispatch({ type: 'fetch-started', url, reason: 'test' }), []);
  const listed = useCallback((url: string, models: Model[]) => show(url, models, now()), [show, now]);
  const failed = useCallback((url: string, error: UiError) => dispatch({ type: 'fetch-failed', url, error }), []);
  const clear = useCallback(() => dispatch({ type: 'cleared' }), []);

  return useMemo(
    () => ({ state, now, showCached, refresh, testStarted, listed, failed, clear }),
    [state, now, showCached, refresh, testStarted, listed, failed, clear],
  );
}

export const CatalogContext = createContext<ModelCatalog | null>(null);

export function useCatalog(): ModelCatalog {
  const catalog = useContext(CatalogContext);
  if (!catalog) throw new Error('useCatalog needs a CatalogContext provider (see App).');
  return catalog;
}
