import { lastFailure, type CatalogState } from './catalog-state';
import { inUse, type SavedChoice } from './saved-choices';

/**
 * What the header's status says about the choice in use: `ok` (chosen, and
 * the last fetch of its proxy's list did not fail), `stale` (chosen, but the
 * last fetch failed: `reason` says why), `none` (nothing chosen).
 */
type HeaderState = 'ok' | 'stale' | 'none';

export interface HeaderStatus {
  state: HeaderState;
  /** The failed fetch's sentence, for `stale`. */
  reason: string | null;
}

/** `catalog` is the list of the choice's platform instance (see App). */
export function headerStatus(current: SavedChoice | null, catalog: CatalogState): HeaderStatus {
  if (!current || !inUse(current)) return { state: 'none', reason: null };
  const failure = lastFailure(catalog, current.view.url);
  return failure ? { state: 'stale', reason: failure.message } : { state: 'ok', reason: null };
}
