import { fail, type Result } from '@switchboard/shared';
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseYamlConfig } from './yaml-parse.js';
import { quoteValues, renderItem, renderTopLevel } from './yaml-render.js';
import { sameOutsideItem } from './yaml-rest.js';

/** Switchboard's item in a top-level list of a YAML config, and what a file needs around it. */
export interface YamlListItemEdit {
  /** The top-level key holding the list (`models`). */
  listKey: string;
  /** Whether an item's `name` marks it as Switchboard's. */
  isOurName(name: string): boolean;
  /** The item to write, keys in the order they are written. */
  item: Record<string, unknown>;
  /** Top-level keys a file must have, written (at the end) only where missing. */
  header: ReadonlyArray<readonly [string, string]>;
  /** What a new (or empty) file starts with. */
  newFileHeader: ReadonlyArray<readonly [string, string]>;
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

const INDENT = 2;

/** The name of a list item, where it is a mapping with a string `name`. */
function itemName(node: unknown): string | null {
  if (!isMap(node)) return null;
  const name = node.get('name');
  return typeof name === 'string' ? name : null;
}

/** The first item of the list whose name marks it as ours, with its index. */
export function findOurItem(list: YAMLSeq, isOurName: (name: string) => boolean): { index: number; node: YAMLMap } | null {
  for (const [index, node] of list.items.entries()) {
    const name = itemName(node);
    if (name !== null && isOurName(name) && isMap(node)) return { index, node };
  }
  return null;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where an offset's line ends, before its `\n` (or `\r\n`). */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** Where an item's own text ends: past its last value, before any comment or blank line the library counts as its tail. */
function contentEnd(node: Node): number {
  // A collection's own value end runs over the comments after it; its scalars' ends do not.
  let end = node.range?.[0] ?? 0;
  visit(node, (_key, child) => {
    const range = isScalar(child) || isAlias(child) ? child.range : null;
    if (range) end = Math.max(end, range[1]);
  });
  return end;
}

/** The comment lines just above an offset's line, which read as belonging to what follows them. */
function withCommentsAbove(text: string, offset: number): number {
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!text.slice(previous, start).trim().startsWith('#')) break;
    start = previous;
  }
  return start;
}

function replaceItem(text: string, list: YAMLSeq, node: YAMLMap, item: Record<string, unknown>): Splice {
  const start = node.range?.[0] ?? 0;
  // A flow item's value end is its closing brace.
  if (list.flow) return { at: start, end: node.range?.[1] ?? start, text: renderItem(item, { flow: true, column: 0, indent: INDENT }) };
  const column = start - lineStart(text, start);
  // Our own trailing comment on the last line goes with the item; the lines after it stay.
  return { at: start, end: lineEnd(text, contentEnd(node)), text: renderItem(item, { flow: false, column, indent: INDENT }) };
}

function insertFirst(text: string, list: YAMLSeq, item: Record<string, unknown>): Splice {
  if (list.flow) {
    const open = list.range?.[0] ?? 0;
    const rendered = renderItem(item, { flow: true, column: 0, indent: INDENT });
    return { at: open + 1, end: open + 1, text: list.items.length === 0 ? ` ${rendered} ` : ` ${rendered},` };
  }
  const dash = list.range?.[0] ?? 0;
  const dashColumn = dash - lineStart(text, dash);
  const first = list.items[0] as Node | undefined;
  const firstStart = first?.range?.[0] ?? dash + 2;
  const column = lineStart(text, firstStart) === lineStart(text, dash) ? firstStart - lineStart(text, firstStart) : dashColumn + INDENT;
  const rendered = renderItem(item, { flow: false, column, indent: INDENT });
  const at = withCommentsAbove(text, dash);
  return { at, end: at, text: `${' '.repeat(dashColumn)}-${' '.repeat(column - dashColumn - 1)}${rendered}\n` };
}

function newList(item: Record<string, unknown>, listKey: string): string {
  return `${listKey}:\n  - ${renderItem(item, { flow: false, column: 4, indent: INDENT })}\n`;
}

/** Applies the splices from the end backwards; a file written with CRLF gets CRLF in what is added too. */
function applySplices(text: string, splices: Splice[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text;
  for (const splice of [...splices].sort((a, b) => b.at - a.at)) out = out.slice(0, splice.at) + splice.text.replaceAll('\n', eol) + out.slice(splice.end);
  return out;
}

/** The edit as text splices, so every byte outside them stays as it was; null where the layout is one it does not place text in. */
function planSplices(text: string, doc: Document.Parsed, edit: YamlListItemEdit): Splice[] | null {
  const root = doc.contents;
  // Keys are appended at column 0, so the top mapping must start there (after a byte-order mark at most).
  const rootStart = root?.range?.[0] ?? 0;
  if (!isMap(root) || root.flow || text.slice(lineStart(text, rootStart), rootStart).replace('\uFEFF', '') !== '') return null;
  const splices: Splice[] = [];
  let appended = renderTopLevel(missingHeader(root, edit));
  const pair = root.items.find((candidate: Pair) => isScalar(candidate.key) && candidate.key.value === edit.listKey);
  const value = pair?.value;
  if (isSeq(value)) {
    const ours = findOurItem(value, edit.isOurName);
    splices.push(ours ? replaceItem(text, value, ours.node, edit.item) : insertFirst(text, value, edit.item));
  } else if (pair && (value === null || (isScalar(value) && value.value === null))) {
    // `models:` with nothing (or `~`) under it: the list takes the null's place, after the key's line.
    const keyEnd = (pair.key as Node).range?.[1] ?? 0;
    const nullRange = isScalar(value) ? value.range : null;
    if (nullRange) splices.push({ at: nullRange[0], end: nullRange[1], text: '' });
    const eol = lineEnd(text, nullRange?.[1] ?? keyEnd);
    splices.push({ at: eol, end: eol, text: `\n  - ${renderItem(edit.item, { flow: false, column: 4, indent: INDENT })}` });
  } else if (!pair) {
    appended += newList(edit.item, edit.listKey);
  } else {
    return null;
  }
  if (appended !== '') splices.push({ at: text.length, end: text.length, text: (text.endsWith('\n') || text === '' ? '' : '\n') + appended });
  return splices;
}

function missingHeader(root: YAMLMap, edit: YamlListItemEdit): Array<readonly [string, string]> {
  return edit.header.filter(([key]) => !root.has(key));
}

/** The same edit through the Document API: comments and styles kept, but the library lays the whole file out anew. */
function documentEdit(doc: Document.Parsed, edit: YamlListItemEdit): string {
  const root = doc.contents as YAMLMap;
  for (const [key, value] of missingHeader(root, edit)) root.set(key, value);
  const list = root.get(edit.listKey, true);
  const node = doc.createNode(edit.item);
  quoteValues(node);
  if (isSeq(list)) {
    const ours = findOurItem(list, edit.isOurName);
    if (ours) list.items[ours.index] = node;
    else list.items.unshift(node);
  } else {
    root.set(edit.listKey, doc.createNode([node]));
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Sets Switchboard's item in a top-level list of a YAML config (Continue's
 * `models`): the item named as ours is replaced in place, or a new one goes
 * first in the list (where the agent looks for its default). The change is
 * made as text splices, so everything outside our item stays byte for byte;
 * only a layout it does not splice into (a flow-style top level, a document
 * end marker) goes through the Document API, which keeps comments, key order
 * and styles but not spacing. Either way the result is parsed again and must
 * equal the file everywhere but our item, or nothing is written.
 */
export function setYamlListItem(existing: string | null, edit: YamlListItemEdit, filePath: string): Result<string> {
  const text = existing ?? '';
  const parsed = parseYamlConfig(text, filePath);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (doc.contents === null) {
    const added = (text === '' || text.endsWith('\n') ? '' : '\n') + renderTopLevel(edit.newFileHeader) + newList(edit.item, edit.listKey);
    return checked(text, applySplices(text, [{ at: text.length, end: text.length, text: added }]), edit, filePath);
  }
  if (!isMap(doc.contents)) {
    return fail('config-invalid', `${filePath} does not hold a mapping at its top (name:, version:, ${edit.listKey}:…), so it is not a config Switchboard can add to. Switchboard left the file unchanged; fix it (or move it away), then try again.`);
  }
  const listValue = doc.contents.get(edit.listKey, true);
  if (listValue !== undefined && listValue !== null && !isSeq(listValue) && !(isScalar(listValue) && listValue.value === null)) {
    return fail('config-invalid', `${filePath} has \`${edit.listKey}:\` that is not a list, so Switchboard cannot add its item to it. Switchboard left the file unchanged; make it a list (or remove it), then try again.`);
  }
  const splices = planSplices(text, doc, edit);
  if (splices) {
    const spliced = checked(text, applySplices(text, splices), edit, filePath);
    if (spliced.ok) return spliced;
  }
  let laidOut: string;
  try {
    laidOut = documentEdit(doc, edit);
  } catch {
    // An alias elsewhere to an anchor inside our old item cannot be written once the item is replaced.
    laidOut = text;
  }
  return checked(text, laidOut, edit, filePath);
}

function checked(before: string, after: string, edit: YamlListItemEdit, filePath: string): Result<string> {
  if (sameOutsideItem(before, after, edit)) return { ok: true, value: after };
  return fail('config-invalid', `Switchboard could not place its item in ${filePath} without changing the rest of the file, so it left the file unchanged. Add the item by hand, or move the file away and try again.`);
}
