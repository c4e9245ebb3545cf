import { createScanner, type Node } from 'jsonc-parser';
import { lineAndColumn } from './parse-error.js';

/** Deeper than any opencode config; far short of where a recursive parser runs out of stack. */
export const MAX_DEPTH = 64;

// jsonc-parser's SyntaxKind values: it is an ambient const enum, which isolatedModules cannot read.
const OPEN_BRACE = 1;
const OPEN_BRACKET = 3;
const CLOSE_BRACE = 2;
const CLOSE_BRACKET = 4;
const EOF = 17;

const at = (text: string, offset: number): string => {
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}`;
};

/**
 * The sentence for a document nested deeper than {@link MAX_DEPTH}, or null.
 * Scans tokens without recursion, so it runs before the parser would.
 */
export function tooDeep(filePath: string, text: string, agent = 'opencode'): string | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth += 1;
      if (depth > MAX_DEPTH) {
        return (
          `${filePath} nests objects and lists more than ${MAX_DEPTH} deep (at ${at(text, scanner.getTokenOffset())}), far deeper than any ${agent} config. ` +
          'Switchboard left the file unchanged; fix it (or move it away), then try again.'
        );
      }
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

/**
 * The sentence for the first key that appears twice in one object, or null.
 * opencode would keep one of the two silently, and an edit could land on the
 * one it ignores. Walks a tree already known to be at most MAX_DEPTH deep.
 */
export function duplicateKey(filePath: string, text: string, root: Node, agent = 'opencode'): string | null {
  const pending: Node[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const seen = new Map<string, Node>();
    for (const child of node.children ?? []) {
      if (node.type === 'object') {
        const key = child.children?.[0];
        if (key && typeof key.value === 'string') {
          const first = seen.get(key.value);
          if (first) {
            return (
              `${filePath} has the key ${JSON.stringify(key.value)} twice in one object (at ${at(text, first.offset)} and ${at(text, key.offset)}); ` +
              `${agent} would silently use only one of them. Switchboard left the file unchanged; remove one, then try again.`
            );
          }
          seen.set(key.value, key);
        }
        const value = child.children?.[1];
        if (value) pending.push(value);
      } else {
        pending.push(child);
      }
    }
  }
  return null;
}
