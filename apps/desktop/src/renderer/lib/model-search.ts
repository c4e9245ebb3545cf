import uFuzzy from '@leeoniya/ufuzzy';
import type { CatalogIndex } from './catalog-index';

// SingleError: one typo per search term is forgiven ("sonet" finds "sonnet"); terms are matched in order,
// anything may come between them, so "gpt 4o" and "gpt-4o" both find "openai/gpt-4o-mini".
const fuzzy = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });

/**
 * The rows the picker shows for one search and mode filter. Rows are numbers,
 * not objects, so that a keystroke over 10,000 models allocates a few typed
 * arrays and nothing per model: a row `r >= 0` is the model at position `r`
 * of the index; `r < 0` is the header of group `~r`.
 */
export interface CatalogView {
  /** The search text these rows were built for, trimmed. */
  query: string;
  showNonChat: boolean;
  rows: Int32Array;
  /** Ordinal (position among options only) -> row. */
  optionRows: Int32Array;
  optionCount: number;
  /** Model position -> its ordinal, or -1 when it is not shown. */
  ordinals: Int32Array;
  /** How many options each group has in this view. */
  groupCounts: Int32Array;
  /** Options the search matches but the mode filter hides. */
  hiddenNonChat: number;
}

/** The search's first word, lower-cased: names starting with it are listed first in their group. */
function leadingTerm(query: string): string {
  return /[a-z0-9]+/.exec(query.toLowerCase())?.[0] ?? '';
}

/** Model positions matching `query`, in display order (the index is sorted, and the search keeps its order). */
function matches(index: CatalogIndex, query: string): ArrayLike<number> | null {
  if (query === '') return null;
  const { haystack } = index.searchText();
  const found = fuzzy.filter(haystack, query);
  if (found) return found;
  // A query of punctuation only ("/", "*"): uFuzzy has nothing to search for, a plain substring test does.
  const needle = query.toLowerCase();
  const positions: number[] = [];
  haystack.forEach((entry, position) => {
    if (entry.toLowerCase().includes(needle)) positions.push(position);
  });
  return positions;
}

export function filterCatalog(index: CatalogIndex, rawQuery: string, showNonChat: boolean): CatalogView {
  const query = rawQuery.trim();
  const found = matches(index, query);
  const total = found ? found.length : index.models.length;
  const at = (i: number) => (found ? (found[i] as number) : i);

  const groupCounts = new Int32Array(index.groups.length);
  let hiddenNonChat = 0;
  let optionCount = 0;
  for (let i = 0; i < total; i++) {
    const position = at(i);
    if (!showNonChat && index.chat[position] === 0) {
      hiddenNonChat += 1;
      continue;
    }
    const group = index.group[position] as number;
    groupCounts[group] = (groupCounts[group] ?? 0) + 1;
    optionCount += 1;
  }

  let groupsShown = 0;
  for (const count of groupCounts) if (count > 0) groupsShown += 1;
  const rows = new Int32Array(optionCount + groupsShown);
  const optionRows = new Int32Array(optionCount);
  const ordinals = new Int32Array(index.models.length).fill(-1);
  const lead = leadingTerm(query);
  const shown = (position: number) => showNonChat || index.chat[position] === 1;
  const titles = lead === '' ? [] : index.lowerTitles();
  const rank = (position: number) => ((titles[position] as string).startsWith(lead) ? 0 : 1);
  let row = 0;
  let ordinal = 0;
  // Matches come grouped (the index is sorted by group); within a group, names that start with the search come first.
  // Two passes over each group's stretch instead of a sort: a keystroke stays linear in the matches.
  for (let from = 0; from < total; ) {
    const group = index.group[at(from)] as number;
    let to = from;
    while (to < total && index.group[at(to)] === group) to++;
    if ((groupCounts[group] ?? 0) > 0) {
      rows[row++] = ~group;
      for (let pass = lead === '' ? 1 : 0; pass <= 1; pass++) {
        for (let i = from; i < to; i++) {
          const position = at(i);
          if (!shown(position) || (lead !== '' && rank(position) !== pass)) continue;
          optionRows[ordinal] = row;
          ordinals[position] = ordinal++;
          rows[row++] = position;
        }
      }
    }
    from = to;
  }
  return { query, showNonChat, rows, optionRows, optionCount, ordinals, groupCounts, hiddenNonChat };
}

/** Highlight ranges `[start, end, start, end, …]` over each given model's haystack entry. */
export function matchRanges(index: CatalogIndex, query: string, positions: readonly number[]): Map<number, number[]> {
  const ranges = new Map<number, number[]>();
  const needle = query.trim();
  if (needle === '' || positions.length === 0) return ranges;
  const { haystack } = index.searchText();
  if (fuzzy.split(needle).length === 0) {
    // Punctuation-only search: the literal substring, as matched above.
    for (const position of positions) {
      const start = (haystack[position] ?? '').toLowerCase().indexOf(needle.toLowerCase());
      if (start >= 0) ranges.set(position, [start, start + needle.length]);
    }
    return ranges;
  }
  // info() compiles the needle's patterns once per call: one call for every visible row, never one per row.
  const info = fuzzy.info([...positions], haystack, needle);
  info.idx.forEach((position, i) => ranges.set(position, info.ranges[i] ?? []));
  return ranges;
}

/** The part of `ranges` that falls inside `[from, from + length)`, made relative to `from`. */
export function sliceRanges(ranges: readonly number[] | undefined, from: number, length: number): number[] {
  if (!ranges) return [];
  const out: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const start = Math.max(ranges[i] as number, from);
    const end = Math.min(ranges[i + 1] as number, from + length);
    if (end > start) out.push(start - from, end - from);
  }
  return out;
}
