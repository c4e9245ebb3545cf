import type { Model } from '@switchboard/shared';
import { useEffect, useMemo, useState } from 'react';
import { afterNextPaint } from '../lib/after-next-paint';
import { buildCatalogIndex, withModels, type CatalogIndex } from '../lib/catalog-index';
import { filterCatalog, type CatalogView } from '../lib/model-search';

/**
 * How many models are put in order before a list is first shown: several
 * screens of the picker, so that what is on screen never moves when the rest
 * is sorted just after.
 */
const FIRST_SORTED_MODELS = 200;

/**
 * The list's index: at first with only the groups holding its first models
 * (and the one it opens scrolled to, `shownId`'s) sorted, so a long list shows
 * at once; complete once that frame is painted. Derived from the list, not
 * copied into state while rendering: a selection made once the list is shown
 * does not rebuild it.
 */
function useCatalogIndex(models: readonly Model[], shownId: string | null): CatalogIndex {
  // The complete index of a list, once its first frame is painted; a new list is not covered by it.
  const [finished, setFinished] = useState<{ models: readonly Model[]; index: CatalogIndex } | null>(null);
  const complete = finished?.models === models ? finished.index : null;
  // A selection made before the list is complete sorts its group too; once complete, it costs nothing.
  // Metadata for the list shown (the same ids in the same places) takes the complete index over.
  const first = useMemo(
    () =>
      complete ??
      (finished ? withModels(finished.index, models) : null) ??
      buildCatalogIndex(models, { sortFirst: FIRST_SORTED_MODELS, sortGroupOf: shownId }),
    [complete, finished, models, shownId],
  );
  useEffect(() => {
    if (complete) return;
    return afterNextPaint(() => setFinished({ models, index: first.finish?.() ?? first }));
  }, [complete, first, models]);
  return first;
}

/**
 * The picker's rows: the list is sorted, grouped and made searchable once per
 * list (when it arrives, or when its metadata does); a keystroke only filters.
 */
export function useCatalogView(
  models: readonly Model[],
  query: string,
  showNonChat: boolean,
  shownId: string | null = null,
): { index: CatalogIndex; view: CatalogView } {
  const index = useCatalogIndex(models, shownId);
  const view = useMemo(() => filterCatalog(index, query, showNonChat), [index, query, showNonChat]);
  return { index, view };
}
