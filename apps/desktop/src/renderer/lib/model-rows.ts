import type { Model } from '@switchboard/shared';

export const OTHER_GROUP = 'Other';

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
  /** Position among options only (headers skipped): what keyboard navigation moves through. */
  ordinal: number;
  /** The model saved as the one in use. */
  current: boolean;
}

export type ModelRow = GroupRow | OptionRow;

export interface ModelRows {
  rows: ModelRow[];
  /** `optionRowIndex[ordinal]` is the row index of that option. */
  optionRowIndex: number[];
  optionCount: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function matchesQuery(model: Model, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return model.id.toLowerCase().includes(needle) || model.name.toLowerCase().includes(needle);
}

/**
 * Filters models by a case-insensitive search over id and name, then flattens
 * them into rows for a virtual list: one header per provider (A to Z, models
 * without a provider last under "Other"), models sorted by name within it.
 */
export function buildModelRows(models: readonly Model[], query: string, currentModelId: string | null): ModelRows {
  const groups = new Map<string, Model[]>();
  for (const model of models) {
    if (!matchesQuery(model, query)) continue;
    const label = model.provider?.trim() || OTHER_GROUP;
    const members = groups.get(label);
    if (members) members.push(model);
    else groups.set(label, [model]);
  }

  const labels = [...groups.keys()].sort((a, b) => {
    if (a === OTHER_GROUP) return b === OTHER_GROUP ? 0 : 1;
    if (b === OTHER_GROUP) return -1;
    return collator.compare(a, b);
  });

  const rows: ModelRow[] = [];
  const optionRowIndex: number[] = [];
  for (const label of labels) {
    const members = groups.get(label) ?? [];
    members.sort((a, b) => collator.compare(a.name || a.id, b.name || b.id) || collator.compare(a.id, b.id));
    rows.push({ kind: 'group', key: `group:${label}`, label, count: members.length });
    for (const model of members) {
      optionRowIndex.push(rows.length);
      rows.push({
        kind: 'option',
        key: `model:${model.id}`,
        model,
        ordinal: optionRowIndex.length - 1,
        current: model.id === currentModelId,
      });
    }
  }
  return { rows, optionRowIndex, optionCount: optionRowIndex.length };
}

/** The ordinal of the option showing `modelId`, or -1. */
export function ordinalOf(modelRows: ModelRows, modelId: string | null): number {
  if (modelId === null) return -1;
  for (const row of modelRows.rows) {
    if (row.kind === 'option' && row.model.id === modelId) return row.ordinal;
  }
  return -1;
}
