import type { Model } from '@switchboard/shared';
import { useDeferredValue, useMemo } from 'react';
import { buildModelRows, type ModelRows } from '../lib/model-rows';

export interface FilteredModelRows extends ModelRows {
  /** The query these rows were built for; it trails the input by a render while typing fast. */
  query: string;
}

/** Filtered and grouped rows; typing stays responsive on a 10,000-model list because the search is deferred. */
export function useModelRows(models: readonly Model[], query: string, currentModelId: string | null): FilteredModelRows {
  const deferredQuery = useDeferredValue(query);
  return useMemo(
    () => ({ ...buildModelRows(models, deferredQuery, currentModelId), query: deferredQuery }),
    [models, deferredQuery, currentModelId],
  );
}
