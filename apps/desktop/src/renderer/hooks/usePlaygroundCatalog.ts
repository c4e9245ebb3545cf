import { useEffect } from 'react';
import { listOf } from '../lib/catalog-state';
import type { SavedChoice } from '../lib/saved-choices';
import { useModelCatalog, type ModelCatalog } from './useModelCatalog';

/**
 * The model list of a saved connection the playground may use: the one in
 * the app's store when it is there, else the cached one, fetched again when
 * that is old or missing (as the platform panel does on opening).
 */
export function usePlaygroundCatalog(choice: SavedChoice): ModelCatalog {
  const catalog = useModelCatalog(choice.instance);
  const { showCached, refresh, latest } = catalog;
  const url = choice.view.url;
  useEffect(() => {
    if (listOf(latest(), url) !== null) return;
    let active = true;
    void (async () => {
      const cached = await showCached();
      if (!active || (cached && !cached.stale)) return;
      await refresh(url, 'background');
    })();
    return () => {
      active = false;
    };
  }, [url, showCached, refresh, latest]);
  return catalog;
}
