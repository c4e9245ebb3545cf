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
 * (and the one it opens scrolled to, `shownId`'s) sorted, so a long list shows
 * at once; complete once that frame is painted. Built once per list: a new
 * selection does not rebuild it.
 */
function useCatalogIndex(models: readonly Model[], shownId: string | null): CatalogIndex {
  const build = () => ({ models, index: buildCatalogIndex(models, { sortFirst: FIRST_SORTED_MODELS, sortGroupOf: shownId }) });
  const [built, setBuilt] = useState(build);
  let current = built;
  if (built.models !== models) {
    // Adjusting state while rendering, as React recommends for "reset when a prop changes".
    current = build();
    setBuilt(current);
  }
  const { index } = current;
  useEffect(() => {
    const { finish } = index;
    if (!finish) return;
    return afterNextPaint(() => setBuilt((now) => (now.index === index ? { models: now.models, index: finish() } : now)));
  }, [index]);
  return index;
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
