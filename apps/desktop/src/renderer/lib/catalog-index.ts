import { isChatModel, isWildcardId, type Model } from '@switchboard/shared';
import { OTHER_GROUP, providerLabel } from './provider-labels';

/**
 * A model list prepared once for the picker, so that each keystroke only
 * filters: models in display order (provider groups A to Z, "Other" last,
 * names in natural order within a group), and the text the search runs over.
 */
export interface CatalogIndex {
  /** Display order. Wildcard routes and repeated ids are left out. */
  models: readonly Model[];
  /** What the fuzzy search looks at, one entry per model. */
  haystack: string[];
  /** The shown name of each model, lower-cased: what "starts with the search" is checked against. Built on the first search. */
  lowerTitles(): readonly string[];
  /** Where the shown name starts in its haystack entry (its length is the title's). */
  titleAt: Int32Array;
  /** Where the id starts in its haystack entry. */
  idAt: Int32Array;
  /** The group of each model, as an index into {@link groups}. */
  group: Int32Array;
  groups: readonly string[];
  /** 1 for chat models, 0 for embedding, image and other modes. */
  chat: Uint8Array;
  chatCount: number;
  /** Model id -> position in {@link models}, or -1. */
  positionOf(id: string): number;
}

/** The name a row shows: the display name, or the id when there is none. */
export function titleOf(model: Model): string {
  return model.name === '' ? model.id : model.name;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Natural order ("model-2" before "model-10"), case-insensitive. Measured in Chromium on 10,000 cold models,
// the native collator beats both padded sort keys (10,000 new strings) and a comparator written in JS.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Runs once per list (ids, then again with metadata), on the path from "Test Connection" to the first
 * row on screen: one pass over the models, then a sort per provider group, allocating as little as it
 * can (with 20,000 model objects alive, every allocation brings the next garbage collection closer).
 */
export function buildCatalogIndex(input: readonly Model[]): CatalogIndex {
  const seen = new Set<string>();
  const kept: Model[] = [];
  const titles: string[] = [];
  const groupOfKept: number[] = [];
  const labels: string[] = [];
  const groupOfLabel = new Map<string, number>();
  const groupOfProvider = new Map<string | null, number>();
  for (const model of input) {
    if (isWildcardId(model.id) || seen.has(model.id)) continue;
    seen.add(model.id);
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

  // Bucket by group, then sort each bucket by name: smaller sorts with a cheaper comparison.
  const buckets: number[][] = groupOrder.map(() => []);
  const rankOfGroup = new Int32Array(labels.length);
  groupOrder.forEach((group, rank) => (rankOfGroup[group] = rank));
  groupOfKept.forEach((group, i) => (buckets[rankOfGroup[group] as number] as number[]).push(i));
  const byName = (a: number, b: number) => collator.compare(titles[a] as string, titles[b] as string) || compareKeys((kept[a] as Model).id, (kept[b] as Model).id);

  const count = kept.length;
  const models: Model[] = new Array(count);
  const haystack: string[] = new Array(count);
  const titleAt = new Int32Array(count);
  const idAt = new Int32Array(count);
  const group = new Int32Array(count);
  const chat = new Uint8Array(count);
  let chatCount = 0;
  let position = 0;
  buckets.forEach((bucket, rank) => {
    bucket.sort(byName);
    for (const from of bucket) {
      const model = kept[from] as Model;
      const title = titles[from] as string;
      models[position] = model;
      // Names are usually the id without its "provider/" prefix: then the id alone is searched, and a
      // match in it is shown in both the name and the id. Otherwise both are searched, side by side.
      if (model.id.endsWith(title)) {
        haystack[position] = model.id;
        titleAt[position] = model.id.length - title.length;
      } else {
        haystack[position] = `${title} ${model.id}`;
        idAt[position] = title.length + 1;
      }
      group[position] = rank;
      if (isChatModel(model)) {
        chat[position] = 1;
        chatCount += 1;
      }
      position += 1;
    }
  });

  // Looked up only for the selected and the active model: built on first use, not on the way to the first row.
  let positions: Map<string, number> | null = null;
  const positionOf = (id: string): number => {
    positions ??= new Map(models.map((model, at) => [model.id, at]));
    return positions.get(id) ?? -1;
  };
  let lowered: string[] | null = null;
  const lowerTitles = () => (lowered ??= models.map((model) => titleOf(model).toLowerCase()));
  const groups = groupOrder.map((index) => labels[index] as string);
  return { models, haystack, lowerTitles, titleAt, idAt, group, groups, chat, chatCount, positionOf };
}
