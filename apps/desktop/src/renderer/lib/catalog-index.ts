import { isChatModel, type Model } from '@switchboard/shared';
import { OTHER_GROUP, providerLabel } from './provider-labels';

/**
 * A model list prepared once for the picker, so that each keystroke only
 * filters: models in display order (provider groups A to Z, "Other" last,
 * names in natural order within a group), and the text the search runs over.
 */
export interface CatalogIndex {
  /**
   * Display order. The models as core listed them: core's listings are where shared's `modelListFilter` runs
   * (no wildcard routes, sentinels or repeats), once, so the index takes every model it is given.
   */
  models: readonly Model[];
  /** What the search runs over; built on first use. */
  searchText(): SearchText;
  /** The shown name of each model, lower-cased: what "starts with the search" is checked against. Built on first use. */
  lowerTitles(): readonly string[];
  /** The group of each model, as an index into {@link groups}. */
  group: Int32Array;
  groups: readonly string[];
  /** 1 for chat models, 0 for embedding, image and other modes. */
  chat: Uint8Array;
  chatCount: number;
  /** Model id -> position in {@link models}, or -1. */
  positionOf(id: string): number;
  /**
   * Null when every model is in its final place. Otherwise only the first
   * rows are (see {@link buildCatalogIndex}'s `sortFirst`), and this returns
   * the index with all of them in order: the same groups and counts, the same
   * first rows.
   */
  finish: (() => CatalogIndex) | null;
}

/** The fuzzy search's haystack, one entry per model, and where the name and the id sit in each. */
interface SearchText {
  haystack: string[];
  /** Where the shown name starts in its haystack entry (its length is the title's). */
  titleAt: Int32Array;
  /** Where the id starts in its haystack entry. */
  idAt: Int32Array;
}

/** The name a row shows: the display name, or the id when there is none. */
export function titleOf(model: Model): string {
  return model.name === '' ? model.id : model.name;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Natural order ("model-2" before "model-10"), case-insensitive. Measured in Chromium on 10,000 cold models,
// the native collator beats both padded sort keys (10,000 new strings) and a comparator written in JS.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The models split into provider groups, groups in display order; each group's models are sorted when first needed. */
interface Grouped {
  kept: Model[];
  titles: string[];
  labels: string[];
  /** Per group, in display order: positions in {@link kept}. */
  buckets: number[][];
  /** Which buckets are in name order already. */
  sorted: boolean[];
}

function groupModels(input: readonly Model[]): Grouped {
  const kept: Model[] = [];
  const titles: string[] = [];
  const groupOfKept: number[] = [];
  const labels: string[] = [];
  const groupOfLabel = new Map<string, number>();
  const groupOfProvider = new Map<string | null, number>();
  for (const model of input) {
    let group = groupOfProvider.get(model.provider);
    if (group === undefined) {
      const label = providerLabel(model.provider);
      group = groupOfLabel.get(label);
      if (group === undefined) {
        group = labels.length;
        labels.push(label);
        groupOfLabel.set(label, group);
      }
      groupOfProvider.set(model.provider, group);
    }
    kept.push(model);
    titles.push(titleOf(model));
    groupOfKept.push(group);
  }

  const groupOrder = labels.map((_, group) => group);
  groupOrder.sort((a, b) => {
    const la = labels[a] as string;
    const lb = labels[b] as string;
    if (la === OTHER_GROUP || lb === OTHER_GROUP) return la === lb ? 0 : la === OTHER_GROUP ? 1 : -1;
    return collator.compare(la, lb);
  });
  const rankOfGroup = new Int32Array(labels.length);
  groupOrder.forEach((group, rank) => (rankOfGroup[group] = rank));
  const buckets: number[][] = groupOrder.map(() => []);
  groupOfKept.forEach((group, i) => (buckets[rankOfGroup[group] as number] as number[]).push(i));
  return { kept, titles, labels: groupOrder.map((group) => labels[group] as string), buckets, sorted: buckets.map((bucket) => bucket.length < 2) };
}

/**
 * Sorts whole groups, first to last, until `count` models are in order, and the group of `alsoId` (a sort per
 * group compares less than one over all). True when every group is in order.
 */
function sortGroups(grouped: Grouped, count: number, alsoId: string | null = null): boolean {
  const { kept, titles, buckets, sorted } = grouped;
  const byName = (a: number, b: number) => collator.compare(titles[a] as string, titles[b] as string) || compareKeys((kept[a] as Model).id, (kept[b] as Model).id);
  const sortRank = (rank: number) => {
    if (!sorted[rank]) (buckets[rank] as number[]).sort(byName);
    sorted[rank] = true;
  };
  if (alsoId !== null) {
    const rank = buckets.findIndex((bucket) => bucket.some((from) => (kept[from] as Model).id === alsoId));
    if (rank >= 0) sortRank(rank);
  }
  let inOrder = 0;
  for (let rank = 0; rank < buckets.length && inOrder < count; rank++) {
    sortRank(rank);
    inOrder += (buckets[rank] as number[]).length;
  }
  return sorted.every(Boolean);
}

function searchTextOf(models: readonly Model[]): SearchText {
  const count = models.length;
  const haystack: string[] = new Array(count);
  const titleAt = new Int32Array(count);
  const idAt = new Int32Array(count);
  models.forEach((model, position) => {
    const title = titleOf(model);
    // Names are usually the id without its "provider/" prefix: then the id alone is searched, and a
    // match in it is shown in both the name and the id. Otherwise both are searched, side by side.
    if (model.id.endsWith(title)) {
      haystack[position] = model.id;
      titleAt[position] = model.id.length - title.length;
    } else {
      haystack[position] = `${title} ${model.id}`;
      idAt[position] = title.length + 1;
    }
  });
  return { haystack, titleAt, idAt };
}

function indexOf(grouped: Grouped, complete: boolean): CatalogIndex {
  const { kept, buckets, labels } = grouped;
  const count = kept.length;
  const models: Model[] = new Array(count);
  const group = new Int32Array(count);
  const chat = new Uint8Array(count);
  let chatCount = 0;
  let position = 0;
  buckets.forEach((bucket, rank) => {
    for (const from of bucket) {
      const model = kept[from] as Model;
      models[position] = model;
      group[position] = rank;
      if (isChatModel(model)) {
        chat[position] = 1;
        chatCount += 1;
      }
      position += 1;
    }
  });

  // Each is built on first use: none of them is needed to show the first rows.
  let search: SearchText | null = null;
  const searchText = () => (search ??= searchTextOf(models));
  let positions: Map<string, number> | null = null;
  const positionOf = (id: string): number => {
    positions ??= new Map(models.map((model, at) => [model.id, at]));
    return positions.get(id) ?? -1;
  };
  let lowered: string[] | null = null;
  const lowerTitles = () => (lowered ??= models.map((model) => titleOf(model).toLowerCase()));
  const finish = complete
    ? null
    : () => {
        sortGroups(grouped, Number.POSITIVE_INFINITY);
        const full = indexOf(grouped, true);
        // Finishing runs off the path to the first rows: the first search should not pay for its text.
        full.searchText();
        return full;
      };
  return { models, searchText, lowerTitles, group, groups: labels, chat, chatCount, positionOf, finish };
}

export interface CatalogIndexOptions {
  /** Sort only the groups holding the first this many models; the others keep the proxy's order until {@link CatalogIndex.finish}. */
  sortFirst?: number;
  /** Sort this model's group too: the list opens scrolled to it. */
  sortGroupOf?: string | null;
}

/**
 * Runs once per list (ids, then again with metadata), on the path from "Test
 * Connection" (or opening Settings) to the first rows on screen. Sorting
 * 10,000 names is most of the work, and a screen shows a dozen: see
 * {@link CatalogIndexOptions} for sorting only what is shown first.
 */
export function buildCatalogIndex(input: readonly Model[], { sortFirst = Number.POSITIVE_INFINITY, sortGroupOf = null }: CatalogIndexOptions = {}): CatalogIndex {
  const grouped = groupModels(input);
  return indexOf(grouped, sortGroups(grouped, sortFirst, sortGroupOf));
}

/**
 * The same index holding `input`'s models (matched by id), when nothing about their places changed: the
 * same ids, each still in its provider's group under the same name. That is what metadata arriving for a
 * list usually is (figures, badges, a description), and it then costs a pass over the list instead of a
 * new sort. Null when a place would change (a provider the proxy named, another name), or when `index`
 * is not complete yet: build it anew then.
 */
export function withModels(index: CatalogIndex, input: readonly Model[]): CatalogIndex | null {
  const count = index.models.length;
  if (index.finish !== null || input.length !== count) return null;
  const byId = new Map<string, Model>();
  for (const model of input) byId.set(model.id, model);
  const models: Model[] = new Array(count);
  const chat = new Uint8Array(count);
  let chatCount = 0;
  for (let position = 0; position < count; position++) {
    const before = index.models[position] as Model;
    const after = byId.get(before.id);
    if (!after) return null;
    if (after !== before && (titleOf(after) !== titleOf(before) || providerLabel(after.provider) !== index.groups[index.group[position] as number])) return null;
    models[position] = after;
    if (isChatModel(after)) {
      chat[position] = 1;
      chatCount += 1;
    }
  }
  // Search text, titles and positions are built from names and ids, which are the same.
  return { ...index, models, chat, chatCount };
}
