import { Document, isCollection, Scalar, visit, type Node } from 'yaml';

// YAML 1.1 readers take these as booleans or null; the `yaml` package (1.2) would write them bare.
const AMBIGUOUS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const PLAIN_WORD = /^[a-z][a-z0-9-]*$/;

/**
 * One list item as text: block style (`name: …` lines, the first without
 * indent so it follows `- `, the others indented to `column`) or flow style
 * (`{ name: …, … }`). Every string that is not a plain lower-case word is
 * double-quoted, so a model id such as `yes`, `null`, `- x`, `#` or `a: b`
 * reads back as the same string in any YAML reader.
 */
export function renderItem(item: Record<string, unknown>, options: { flow: boolean; column: number; indent: number }): string {
  const doc = new Document(item);
  quoteValues(doc.contents);
  if (options.flow) {
    if (isCollection(doc.contents)) doc.contents.flow = true;
    return doc.toString({ lineWidth: 0, indent: options.indent }).trimEnd();
  }
  const pad = ' '.repeat(options.column);
  const lines = doc.toString({ lineWidth: 0, indent: options.indent }).trimEnd().split('\n');
  return lines.map((line, index) => (index === 0 ? line : pad + line)).join('\n');
}

/** Double-quotes every string value (not key) that a YAML reader could take for something else. */
export function quoteValues(node: unknown): void {
  visit(node as Node, {
    Scalar(key, scalar) {
      if (key === 'key' || typeof scalar.value !== 'string') return;
      if (!PLAIN_WORD.test(scalar.value) || AMBIGUOUS.has(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** Top-level `key: value` lines, for keys a file must have (Continue's `name`, `version`, `schema`). */
export function renderTopLevel(pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return '';
  const doc = new Document(Object.fromEntries(pairs));
  return doc.toString({ lineWidth: 0 });
}
