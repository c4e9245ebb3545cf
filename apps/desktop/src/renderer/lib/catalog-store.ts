import type { ModelIdList } from '@switchboard/shared';
import type { Outcome } from './bridge';
import { createRowsFirst, type RowsFirst } from './catalog-rows-first';
import { createSnapshotStore } from './snapshot-store';
import { catalogOf, catalogsReducer, type CatalogsAction, type CatalogState, type CatalogStates } from './catalog-state';

/**
 * Every instance's model list, held once for the app so the header and
 * Settings say the same thing. It lives outside React: a component reads its
 * instance's list with `useSyncExternalStore` and renders again only when
 * that list changes, and code that has awaited reads the list as it is now.
 */
export interface CatalogStore {
  /** The clock relative times are read against; injected in tests. */
  now(): number;
  subscribe(listener: () => void): () => void;
  /** One instance's list, as it is now. */
  stateOf(instanceId: string): CatalogState;
  dispatch(action: CatalogsAction): void;
  /** Numbers listings, so the metadata of an older one never lands on a newer list. */
  nextListing(): number;
  /** The metadata of the rows on screen, asked before the rest. */
  rowsFirst: RowsFirst;
  /** Runs `start` unless a run for `key` is under way, in which case its promise is shared. */
  shared(key: string, start: () => Promise<Outcome<ModelIdList>>): Promise<Outcome<ModelIdList>>;
}

export function createCatalogStore(now: () => number = Date.now): CatalogStore {
  const states = createSnapshotStore<CatalogStates>({});
  let listing = 0;
  const inflight = new Map<string, Promise<Outcome<ModelIdList>>>();
  const stateOf = (instanceId: string) => catalogOf(states.get(), instanceId);
  return {
    now,
    subscribe: states.subscribe,
    stateOf,
    rowsFirst: createRowsFirst(stateOf),
    dispatch: (action) => states.set(catalogsReducer(states.get(), action)),
    nextListing: () => (listing += 1),
    shared(key, start) {
      const running = inflight.get(key);
      if (running) return running;
      const run = start().finally(() => inflight.delete(key));
      inflight.set(key, run);
      return run;
    },
  };
}
