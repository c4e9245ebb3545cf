import { fail, type Result } from '@switchboard/shared';
import { getStaticTOMLValue, type AST } from 'toml-eslint-parser';
import { tryParseToml } from './toml-parse.js';
import { tomlKey } from './toml-value.js';

/**
 * Switchboard's entry in a TOML file: some top-level keys, and every table
 * and key under one path. Values and lines are TOML text already (toml-value.ts).
 */
export interface TomlEntry {
  /** Top-level keys with their TOML values: set where they stand, added before the first table otherwise. */
  topLevel: ReadonlyArray<readonly [key: string, value: string]>;
  /** Everything under this path is Switchboard's: removed wherever it is defined, and `tables` put in its place. */
  ownedPath: readonly string[];
  /** The owned tables' lines, without line ends (a blank line is ''). */
  tables: readonly string[];
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

type Statement = AST.TOMLKeyValue | AST.TOMLTable;

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The offset just past the line holding `offset` (its line end included), or the end of the text. */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function keyPath(key: AST.TOMLKey): string[] {
  return getStaticTOMLValue(key);
}

/** A statement's full path: a table's name, or a key prefixed by the table it sits in. */
function pathOf(statement: Statement): string[] {
  if (statement.type === 'TOMLTable') return statement.resolvedKey.map(String);
  const table = statement.parent.type === 'TOMLTable' ? statement.parent.resolvedKey.map(String) : [];
  return [...table, ...keyPath(statement.key)];
}

const startsWith = (path: readonly string[], prefix: readonly string[]): boolean =>
  path.length >= prefix.length && prefix.every((segment, index) => path[index] === segment);

const isPath = (path: readonly string[], expected: readonly string[]): boolean => path.length === expected.length && startsWith(path, expected);

/** Every top-level statement and every key inside a table, in file order. */
function statements(program: AST.TOMLProgram): Statement[] {
  const top = program.body[0].body;
  return top.flatMap((node): Statement[] => (node.type === 'TOMLTable' ? [node, ...node.body] : [node]));
}

/** The whole lines a statement occupies (a table: its header and body), its trailing comment and line end included. */
function linesOf(text: string, statement: Statement): Splice {
  return { start: lineStart(text, statement.range[0]), end: nextLineStart(text, statement.range[1]), text: '' };
}

/**
 * Removals of what lies under the owned path. Neighbouring removals separated
 * only by blank lines become one, so writing the entry again does not leave a
 * blank line behind each time.
 */
function ownedRemovals(text: string, program: AST.TOMLProgram, ownedPath: readonly string[]): { removals: Splice[]; tableAt: number | null } {
  const owned = statements(program).filter((statement) => {
    // A key inside an owned table goes with its table.
    if (statement.type === 'TOMLKeyValue' && statement.parent.type === 'TOMLTable' && startsWith(statement.parent.resolvedKey.map(String), ownedPath)) return false;
    return startsWith(pathOf(statement), ownedPath);
  });
  const firstTable = owned.find((statement) => statement.type === 'TOMLTable');
  const removals: Splice[] = [];
  for (const splice of owned.map((statement) => linesOf(text, statement)).sort((a, b) => a.start - b.start)) {
    const previous = removals.at(-1);
    if (previous && /^\s*$/.test(text.slice(previous.end, splice.start))) previous.end = Math.max(previous.end, splice.end);
    else removals.push(splice);
  }
  return { removals, tableAt: firstTable ? lineStart(text, firstTable.range[0]) : null };
}

/** Where missing top-level keys go: after the last top-level key, else above the first table (and the comment lines right above it). */
function topLevelInsertion(text: string, program: AST.TOMLProgram, ownedPath: readonly string[], eol: string): { at: number; before: string; after: string } {
  const top = program.body[0].body;
  const keys = top.filter((node): node is AST.TOMLKeyValue => node.type === 'TOMLKeyValue' && !startsWith(pathOf(node), ownedPath));
  const lastKey = keys.at(-1);
  if (lastKey) {
    const at = nextLineStart(text, lastKey.range[1]);
    return { at, before: text.slice(0, at).endsWith('\n') ? '' : eol, after: '' };
  }
  const firstTable = top.find((node) => node.type === 'TOMLTable');
  if (!firstTable) return { at: text.length, before: text === '' || text.endsWith('\n') ? '' : eol, after: '' };
  let at = lineStart(text, firstTable.range[0]);
  while (at > 0) {
    const above = lineStart(text, at - 1);
    if (!text.slice(above, at).trimStart().startsWith('#')) break;
    at = above;
  }
  return { at, before: '', after: eol };
}

function applySplices(text: string, splices: Splice[]): string {
  // From the end backwards, so earlier offsets stay true; at one offset the removal goes first, then the insertion.
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  return ordered.reduce((result, { start, end, text: inserted }) => result.slice(0, start) + inserted + result.slice(end), text);
}

/** Appends the tables after a blank line, with the text's line end. */
function appendTables(text: string, block: string, eol: string): string {
  if (text === '') return block;
  const ended = text.endsWith('\n') ? text : text + eol;
  return ended.endsWith(`${eol}${eol}`) || ended === eol ? ended + block : ended + eol + block;
}

/**
 * The file's text with Switchboard's entry set. Only the entry's own ranges
 * change: other tables, comments, blank lines, key order and line ends stay
 * byte for byte. Existing top-level keys get new values in place (their
 * comments kept); owned tables are replaced where the first one stood, or
 * appended. The result is parsed again before it is returned: an edit that
 * would break the file (say, `model_providers` written by the person as an
 * inline table, which TOML closes to new tables) is a failure, the file
 * untouched. `program` is `text` parsed.
 */
export function setTomlEntry(text: string, program: AST.TOMLProgram, entry: TomlEntry, filePath: string): Result<{ text: string; program: AST.TOMLProgram }> {
  const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
  const splices: Splice[] = [];
  const missing: string[] = [];
  for (const [key, value] of entry.topLevel) {
    const existing = program.body[0].body.find((node): node is AST.TOMLKeyValue => node.type === 'TOMLKeyValue' && isPath(pathOf(node), [key]));
    if (existing) splices.push({ start: existing.value.range[0], end: existing.value.range[1], text: value });
    else missing.push(`${tomlKey(key)} = ${value}${eol}`);
  }
  if (missing.length > 0) {
    const { at, before, after } = topLevelInsertion(text, program, entry.ownedPath, eol);
    splices.push({ start: at, end: at, text: before + missing.join('') + after });
  }
  const block = entry.tables.map((line) => line + eol).join('');
  const { removals, tableAt } = ownedRemovals(text, program, entry.ownedPath);
  for (const removal of removals) splices.push({ ...removal, text: removal.start === tableAt ? block : '' });
  let edited = applySplices(text, splices);
  if (tableAt === null) edited = appendTables(edited, block, eol);
  const reparsed = tryParseToml(edited);
  if ('problem' in reparsed) {
    return fail(
      'config-invalid',
      `Switchboard could not put its entry (${entry.ownedPath.join('.')}) into ${filePath} without breaking the file (${reparsed.problem} of the result), so it left the file unchanged. ` +
        `Check how ${entry.ownedPath[0] ?? 'that table'} is written there (an inline table cannot take new tables), then try again.`,
    );
  }
  return { ok: true, value: { text: edited, program: reparsed.program } };
}
