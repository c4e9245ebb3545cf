import type { Model } from '@switchboard/shared';
import { useMemo } from 'react';
import { buildCatalogIndex, type CatalogIndex } from '../lib/catalog-index';
import { filterCatalog, type CatalogView } from '../lib/model-search';

/**
 * The picker's rows: the list is sorted, grouped and made searchable once per
 * list (when it arrives, or when its metadata does); a keystroke only filters.
 */
export function useCatalogView(models: readonly Model[], query: string, showNonChat: boolean): { index: CatalogIndex; view: CatalogView } {
  const index = useMemo(() => buildCatalogIndex(models), [models]);
  const view = useMemo(() => filterCatalog(index, query, showNonChat), [index, query, showNonChat]);
  return { index, view };
}
