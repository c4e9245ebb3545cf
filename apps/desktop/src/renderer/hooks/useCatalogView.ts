import type { Model } from '@switchboard/shared';
import { useEffect, useMemo, useState } from 'react';
import { afterNextPaint } from '../lib/after-next-paint';
import { buildCatalogIndex, type CatalogIndex } from '../lib/catalog-index';
import { filterCatalog, type CatalogView } from '../lib/model-search';

/**
 * How many models are put in order before a list is first shown: several
 * screens of the picker, so that what is on screen never moves when the rest
 * is sorted just after.
 */
const FIRST_SORTED_MODELS = 200;

/**
 * The list's index: at first with only the groups holding its first models
 * sorted, so a long list shows at once; complete once that frame is painted.
 */
function useCatalogIndex(models: readonly Model[]): CatalogIndex {
  const first = useMemo(() => buildCatalogIndex(models, { sortFirst: FIRST_SORTED_MODELS }), [models]);
  const [finished, setFinished] = useState<{ from: CatalogIndex; index: CatalogIndex } | null>(null);
  useEffect(() => {
    const { finish } = first;
    if (!finish) return;
    return afterNextPaint(() => setFinished({ from: first, index: finish() }));
  }, [first]);
  return finished?.from === first ? finished.index : first;
}

/**
 * The picker's rows: the list is sorted, grouped and made searchable once per
 * list (when it arrives, or when its metadata does); a keystroke only filters.
 */
export function useCatalogView(models: readonly Model[], query: string, showNonChat: boolean): { index: CatalogIndex; view: CatalogView } {
  const index = useCatalogIndex(models);
  const view = useMemo(() => filterCatalog(index, query, showNonChat), [index, query, showNonChat]);
  return { index, view };
}
