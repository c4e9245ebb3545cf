import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';

interface ListItemShape {
  listKey: string;
  isOurName(name: string): boolean;
  item: Record<string, unknown>;
  header: ReadonlyArray<readonly [string, string]>;
  newFileHeader: ReadonlyArray<readonly [string, string]>;
}

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

function ours(value: unknown, shape: ListItemShape): boolean {
  return isPlainObject(value) && typeof value['name'] === 'string' && shape.isOurName(value['name']);
}

/** A file's values with our item taken out of the list (the first one named as ours, as the editor picks it). */
function valuesWithoutOurs(text: string, shape: ListItemShape): { rest: Plain; item: unknown } | null {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return null;
  const values: unknown = doc.toJS() ?? {};
  if (!isPlainObject(values)) return null;
  const list = values[shape.listKey];
  if (!Array.isArray(list)) return { rest: values, item: undefined };
  const index = list.findIndex((value) => ours(value, shape));
  if (index === -1) return { rest: values, item: undefined };
  return { rest: { ...values, [shape.listKey]: list.filter((_value, at) => at !== index) }, item: list[index] };
}

/**
 * Whether `after` is `before` with only Switchboard's item set: the item
 * reads back exactly as written, and every other value (other items, other
 * keys, anchors resolved) is the same. Header keys the edit added, and a list
 * it created or filled from nothing, are the only other differences allowed.
 */
export function sameOutsideItem(before: string, after: string, shape: ListItemShape): boolean {
  let old: ReturnType<typeof valuesWithoutOurs>;
  let now: ReturnType<typeof valuesWithoutOurs>;
  try {
    old = valuesWithoutOurs(before, shape);
    now = valuesWithoutOurs(after, shape);
  } catch {
    // Aliases past the count, or a value the library cannot build: not a file to write.
    return false;
  }
  if (!old || !now || !isDeepStrictEqual(now.item, shape.item)) return false;
  const rest = { ...now.rest };
  for (const [key, value] of [...shape.header, ...shape.newFileHeader]) {
    if (!(key in old.rest) && rest[key] === value) delete rest[key];
  }
  const oldList = old.rest[shape.listKey];
  const newList = rest[shape.listKey];
  if ((oldList === undefined || oldList === null) && Array.isArray(newList) && newList.length === 0) {
    if (oldList === undefined) delete rest[shape.listKey];
    else rest[shape.listKey] = null;
  }
  return isDeepStrictEqual(rest, old.rest);
}
