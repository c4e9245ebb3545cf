import type { Model } from '@switchboard/shared';
import type { CatalogIndex } from './catalog-index';
import type { CatalogView } from './model-search';

export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
}

export interface OptionRow {
  kind: 'option';
  key: string;
  model: Model;
  /** Where the model is in the index: what its highlight ranges are keyed by. */
  position: number;
  /** Position among options only (headers skipped): what keyboard navigation moves through. */
  ordinal: number;
}

export type ModelRow = GroupRow | OptionRow;

/** The row at `rowIndex`, built on demand: only the rows in view ever become objects. */
export function rowAt(index: CatalogIndex, view: CatalogView, rowIndex: number): ModelRow | null {
  const code = view.rows[rowIndex];
  if (code === undefined) return null;
  if (code < 0) {
    const group = ~code;
    const label = index.groups[group] ?? '';
    return { kind: 'group', key: `group:${label}`, label, count: view.groupCounts[group] ?? 0 };
  }
  const model = index.models[code];
  if (!model) return null;
  return { kind: 'option', key: `model:${model.id}`, model, position: code, ordinal: view.ordinals[code] ?? -1 };
}

/** The ordinal of the option showing `modelId` in this view, or -1. */
export function ordinalOf(index: CatalogIndex, view: CatalogView, modelId: string | null): number {
  if (modelId === null) return -1;
  const position = index.positionOf(modelId);
  return position < 0 ? -1 : (view.ordinals[position] ?? -1);
}

/** The model shown at `ordinal`, or null. */
export function modelAtOrdinal(index: CatalogIndex, view: CatalogView, ordinal: number): Model | null {
  const row = view.optionRows[ordinal];
  if (row === undefined) return null;
  const position = view.rows[row];
  return position === undefined || position < 0 ? null : (index.models[position] ?? null);
}

/** Every row, as objects: for tests and small lists, never for rendering. */
export function allRows(index: CatalogIndex, view: CatalogView): ModelRow[] {
  const rows: ModelRow[] = [];
  for (let i = 0; i < view.rows.length; i++) {
    const row = rowAt(index, view, i);
    if (row) rows.push(row);
  }
  return rows;
}
