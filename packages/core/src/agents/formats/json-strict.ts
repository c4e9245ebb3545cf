import { fail, type Result } from '@switchboard/shared';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { duplicateKey, tooDeep } from '../../opencode/document-checks.js';
import { removeProperty, setProperty } from '../../opencode/jsonc-edit.js';
import { detectStyle } from '../../opencode/jsonc-style.js';
import { syntaxErrorAt } from '../../opencode/parse-error.js';
import { strictJsonProblem } from './json-strictness.js';

/**
 * A settings file that its agent reads with `JSON.parse`: Claude Code's
 * settings.json (no comments at all: one makes it ignore the whole file) and
 * Qwen Code's (comments stripped first, then `JSON.parse`, so comments are
 * fine but a trailing comma is not). Switchboard refuses what the agent could
 * not read, and edits the rest in place: only the values it sets change.
 */
export interface JsonDialect {
  /** The agent's name, for sentences: "Claude Code". */
  agent: string;
  /** Whether the agent reads comments in this file (Qwen Code strips them; Claude Code gives up on the file). */
  comments: boolean;
}

/** A parsed settings file: its text without a byte-order mark, and the tree (undefined for an empty file). */
export interface JsonSettings {
  mark: string;
  text: string;
  root: Node | undefined;
}

/** One change: the value at `path`, or `undefined` to remove the property. */
export interface JsonEdit {
  path: readonly string[];
  value: unknown;
}

const BOM = '\uFEFF';

const leftUnchanged = 'Switchboard left the file unchanged';

/** Parses the file as its agent would, or the sentence saying why the agent could not read it (with the line and column). */
export function parseJsonSettings(withMark: string, filePath: string, dialect: JsonDialect): Result<JsonSettings> {
  const mark = withMark.startsWith(BOM) ? BOM : '';
  const text = withMark.slice(mark.length);
  const deep = tooDeep(filePath, text, dialect.agent);
  if (deep !== null) return fail('config-invalid', deep);
  const problem = strictJsonProblem(text, dialect.comments);
  if (problem?.kind === 'comment') {
    return fail(
      'config-invalid',
      `${filePath} has a comment at line ${problem.line}, column ${problem.column}, and ${dialect.agent} ignores a settings file with a comment in it (it reads strict JSON). ${leftUnchanged}; remove the comment, then write again.`,
    );
  }
  if (problem?.kind === 'trailing-comma') {
    return fail(
      'config-invalid',
      `${filePath} has a comma before a closing bracket at line ${problem.line}, column ${problem.column}, which ${dialect.agent} cannot read. ${leftUnchanged}; remove that comma, then write again.`,
    );
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: !dialect.comments, allowEmptyContent: true });
  const first = errors[0];
  if (first) {
    return fail('config-invalid', `${filePath} is not valid JSON: ${syntaxErrorAt(text, first)}. ${leftUnchanged}; fix it (or move it away), then try again.`);
  }
  if (root !== undefined && root.type !== 'object') {
    return fail('config-invalid', `${filePath} does not hold a JSON object at the top level, so ${dialect.agent} cannot read it. ${leftUnchanged}; fix it by hand, then try again.`);
  }
  const duplicate = root === undefined ? null : duplicateKey(filePath, text, root, dialect.agent);
  if (duplicate !== null) return fail('config-invalid', duplicate);
  return { ok: true, value: { mark, text, root } };
}

/** The node at `path`, read from the tree (a `__proto__` key stays a key). */
export function nodeAt(settings: JsonSettings, path: readonly string[]): Node | undefined {
  return settings.root === undefined ? undefined : findNodeAtLocation(settings.root, [...path]);
}

/** The string at `path`, or null where there is none (or something else is there). */
export function stringAt(settings: JsonSettings, path: readonly string[]): string | null {
  const node = nodeAt(settings, path);
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : null;
}

/**
 * The sentence for a property on the way to an edit that is not an object
 * (`"env": "x"`), which an edit would have to replace: null when every
 * parent of every edit is an object or missing.
 */
export function notAnObject(settings: JsonSettings, filePath: string, edits: readonly JsonEdit[], agent: string): string | null {
  for (const { path } of edits) {
    for (let depth = 1; depth < path.length; depth += 1) {
      const parent = nodeAt(settings, path.slice(0, depth));
      if (parent !== undefined && parent.type !== 'object') {
        return `"${path.slice(0, depth).join('.')}" in ${filePath} is not an object, as ${agent} expects. ${leftUnchanged}; fix it by hand, then write again.`;
      }
    }
  }
  return null;
}

/**
 * The file's new text with `edits` applied: values replaced in place, new
 * properties added last in their object in the file's own indentation, removed
 * ones taken out with their line. Everything else stays byte for byte. A new
 * (or empty) file is written with two-space indentation.
 */
export function editJsonSettings(settings: JsonSettings, edits: readonly JsonEdit[]): string {
  const style = detectStyle(settings.text);
  let text = settings.root === undefined && settings.text.trim() === '' ? '' : settings.text;
  for (const { path, value } of edits) {
    text = value === undefined ? removeProperty(text, path) : setProperty(text, path, value, style);
  }
  return settings.mark + text;
}
