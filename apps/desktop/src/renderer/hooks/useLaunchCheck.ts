import { useEffect, useRef } from 'react';
import type { SavedChoice } from '../lib/saved-choices';
import type { ModelCatalog } from './useModelCatalog';

/**
 * Once per launch, for the choice in use: show its cached list at once, then
 * ask its proxy, whatever the cache's age, so a model that has disappeared
 * since the last run is reported in the header without opening Settings.
 * `catalog` is that choice's catalog.
 */
export function useLaunchCheck(loaded: boolean, current: SavedChoice | null, catalog: ModelCatalog): void {
  const decided = useRef(false);
  const { showCached, refresh } = catalog;
  useEffect(() => {
    // Only what was read at launch counts: connecting later in Settings fetches by itself.
    if (!loaded || decided.current) return;
    decided.current = true;
    if (!current?.view.connected) return;
    const url = current.view.url;
    void showCached().then(() => refresh(url, 'background'));
  }, [loaded, current, showCached, refresh]);
}
