import { createScanner, findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseOptions } from 'jsonc-parser';
import { renderValue, type JsoncStyle } from './jsonc-style.js';

/*
 * Small, surgical edits to a JSONC document that has already parsed cleanly.
 * jsonc-parser's own `modify` reformats the whole line around an insertion and
 * inserts before a trailing `// comment`, which moves that comment onto the new
 * property; these edits touch only the text they add or replace.
 */

// opencode reads its config as JSONC with trailing commas allowed; accept what it accepts.
export const PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

const splice = (text: string, offset: number, length: number, content: string): string =>
  text.slice(0, offset) + content + text.slice(offset + length);
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const indentAt = (text: string, offset: number): string => /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
const startsLine = (text: string, offset: number): boolean => text.slice(lineStart(text, offset), offset).trim() === '';
const isMultiLine = (text: string, node: Node): boolean => text.slice(node.offset, node.offset + node.length).includes('\n');

/** Past a member's trailing comma and a comment on the same line, so an insertion never splits a member from its comment. */
function endOfMember(text: string, end: number): { at: number; trailingComma: boolean } {
  let at = end;
  while (text[at] === ' ' || text[at] === '\t') at += 1;
  const trailingComma = text[at] === ',';
  if (trailingComma) at += 1;
  let next = at;
  while (text[next] === ' ' || text[next] === '\t') next += 1;
  if (text.startsWith('//', next)) {
    const newline = text.indexOf('\n', next);
    at = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  } else if (text.startsWith('/*', next)) {
    const close = text.indexOf('*/', next);
    if (close !== -1 && !text.slice(next, close).includes('\n')) at = close + 2;
  }
  return { at, trailingComma };
}

/** Adds one rendered member after the last one of a multi-line object or array. */
function appendMember(text: string, container: Node, member: (indent: string) => string, style: JsoncStyle): string {
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const last = container.children?.at(-1);
  if (!last) {
    const childIndent = indentAt(text, open) + style.unit;
    if (text.slice(open + 1, close).trim() === '') {
      return splice(text, open + 1, close - open - 1, `${style.eol}${childIndent}${member(childIndent)}${style.eol}${indentAt(text, open)}`);
    }
    // Only comments inside: the member goes after them.
    let at = close;
    while (/\s/.test(text[at - 1] ?? '')) at -= 1;
    return splice(text, at, 0, `${style.eol}${childIndent}${member(childIndent)}`);
  }
  const lastEnd = last.offset + last.length;
  const { at, trailingComma } = endOfMember(text, lastEnd);
  const indent = startsLine(text, last.offset) ? indentAt(text, last.offset) : indentAt(text, open) + style.unit;
  const added = splice(text, at, 0, `${style.eol}${indent}${member(indent)}${trailingComma ? ',' : ''}`);
  return trailingComma ? added : splice(added, lastEnd, 0, ',');
}

// jsonc-parser's SyntaxKind values for comments and the end (an ambient const enum, which isolatedModules cannot read).
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

/** Whether a node's text holds a comment (a `//` inside a string is no comment). */
function holdsComment(text: string, node: Node): boolean {
  const scanner = createScanner(text.slice(node.offset, node.offset + node.length), false);
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) return true;
  }
  return false;
}

function rootOf(text: string): Node | undefined {
  return parseTree(text, [], PARSE_OPTIONS);
}

function arrayAt(text: string, path: readonly string[]): Node {
  const root = rootOf(text);
  const array = root && findNodeAtLocation(root, [...path]);
  if (!array || array.type !== 'array') throw new Error(`${path.join('.')} is not an array`);
  return array;
}

/**
 * Sets `path` (an object property, parents created as needed) to `value`. An
 * existing value is replaced in place; a new property goes last, or first when
 * asked and the object's layout allows it.
 */
export function setProperty(text: string, path: readonly string[], value: unknown, style: JsoncStyle, position: 'first' | 'last' = 'last'): string {
  const root = rootOf(text);
  if (!root) return `${text}${text.endsWith('\n') || text === '' ? '' : style.eol}${renderValue(nest(path, value), '', style)}${style.eol}`;
  const existing = findNodeAtLocation(root, [...path]);
  if (existing) {
    const property = existing.parent ?? existing;
    return splice(text, existing.offset, existing.length, renderValue(value, indentAt(text, property.offset), style));
  }
  // The deepest object that exists; what is missing below it is created in one piece.
  let depth = path.length - 1;
  let parent = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
  while (!parent && depth > 0) {
    depth -= 1;
    parent = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
  }
  if (!parent || parent.type !== 'object') throw new Error(`cannot set ${path.join('.')}: its parent is not an object`);
  const key = path[depth] as string;
  const rest = nest(path.slice(depth + 1), value);
  const member = (indent: string) => `${JSON.stringify(key)}: ${renderValue(rest, indent, style)}`;
  if (!isMultiLine(text, parent) && (parent.children?.length ?? 0) > 0 && !holdsComment(text, parent)) {
    // `{ "a": 1 }` on one line: lay the object out again rather than grow an unreadable line. Not with a comment in it,
    // which laying out again would lose: then the member goes after the last one, as in a multi-line object.
    const others = getNodeValue(parent) as Record<string, unknown>;
    const object = position === 'first' ? { [key]: rest, ...others } : { ...others, [key]: rest };
    return splice(text, parent.offset, parent.length, renderValue(object, indentAt(text, parent.offset), style));
  }
  const first = parent.children?.[0];
  if (position === 'first' && first && startsLine(text, first.offset) && lineStart(text, first.offset) > parent.offset) {
    const { at } = endOfMember(text, parent.offset + 1);
    const indent = indentAt(text, first.offset);
    return splice(text, at, 0, `${style.eol}${indent}${member(indent)},`);
  }
  return appendMember(text, parent, member, style);
}

/** Appends a value to the array at `path`, staying on one line when the array is on one line. */
export function appendToArray(text: string, path: readonly string[], value: unknown, style: JsoncStyle): string {
  const array = arrayAt(text, path);
  const last = array.children?.at(-1);
  if (!isMultiLine(text, array)) {
    const item = JSON.stringify(value);
    return last ? splice(text, last.offset + last.length, 0, `, ${item}`) : splice(text, array.offset, array.length, `[${item}]`);
  }
  return appendMember(text, array, (indent) => renderValue(value, indent, style), style);
}

/** The end of the line `offset` is on, past its line break. */
function pastLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Removes one member of an array or object, with its comma, and its line when it has one of its own (comments on other lines stay). */
function removeElement(text: string, array: Node, index: number): string {
  const items = array.children ?? [];
  const item = items[index] as Node;
  const previous = items[index - 1];
  const next = items[index + 1];
  const itemEnd = item.offset + item.length;
  const ownLine = startsLine(text, item.offset) && (next === undefined || lineStart(text, next.offset) > item.offset);
  if (ownLine && isMultiLine(text, array)) {
    const { at, trailingComma } = endOfMember(text, itemEnd);
    const lineEnd = text.slice(at, pastLine(text, at)).trim() === '' ? pastLine(text, at) : at;
    const removed = splice(text, lineStart(text, item.offset), lineEnd - lineStart(text, item.offset), '');
    if (trailingComma || next !== undefined || previous === undefined) return removed;
    // The last element went: the one before it keeps no comma (a .json file stays strict JSON).
    const { trailingComma: previousComma } = endOfMember(removed, previous.offset + previous.length);
    if (!previousComma) return removed;
    const comma = removed.indexOf(',', previous.offset + previous.length);
    return splice(removed, comma, 1, '');
  }
  if (next) return splice(text, item.offset, next.offset - item.offset, '');
  if (previous) return splice(text, previous.offset + previous.length, itemEnd - (previous.offset + previous.length), '');
  const { at } = endOfMember(text, itemEnd);
  return splice(text, item.offset, (text[at - 1] === ',' ? at : itemEnd) - item.offset, '');
}

/** Removes every occurrence of `value` from the array at `path`, touching nothing else: other elements and comments stay as they are. */
export function removeFromArray(text: string, path: readonly string[], value: unknown): string {
  let edited = text;
  for (;;) {
    const array = arrayAt(edited, path);
    const index = (array.children ?? []).findLastIndex((item) => getNodeValue(item) === value);
    if (index < 0) return edited;
    edited = removeElement(edited, array, index);
  }
}

/** Removes the object property at `path`, if there is one, in the same way: its line goes, comments on other lines stay. */
export function removeProperty(text: string, path: readonly string[]): string {
  const root = rootOf(text);
  const value = root && findNodeAtLocation(root, [...path]);
  const property = value?.parent;
  const object = property?.parent;
  if (!property || !object || object.type !== 'object') return text;
  return removeElement(text, object, (object.children ?? []).indexOf(property));
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}
