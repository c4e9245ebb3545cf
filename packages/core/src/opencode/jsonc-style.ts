/** How a JSONC document is laid out: one level of indentation and its line ending. */
export interface JsoncStyle {
  unit: string;
  eol: string;
}

/**
 * The document's own indentation and line ending, so lines Switchboard adds
 * look like the lines around them. Two spaces (opencode's own style) when the
 * file gives no hint.
 */
export function detectStyle(text: string): JsoncStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = text
    .split(/\r?\n/)
    // Only lines that start a property or close a block: a block comment's " * " would read as one space.
    .map((line) => /^([ \t]+)["}\]]/.exec(line)?.[1])
    .filter((indent): indent is string => indent !== undefined);
  if (indents.some((indent) => indent.startsWith('\t'))) return { unit: '\t', eol };
  const widths = indents.map((indent) => indent.length);
  return { unit: ' '.repeat(widths.length > 0 ? Math.min(...widths) : 2), eol };
}

/** A value as JSON in this style, its inner lines indented to sit under `indent`. */
export function renderValue(value: unknown, indent: string, style: JsoncStyle): string {
  return JSON.stringify(value, null, style.unit).split('\n').join(`${style.eol}${indent}`);
}
