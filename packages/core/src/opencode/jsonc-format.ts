import type { FormattingOptions } from 'jsonc-parser';

/**
 * The document's own indentation and line ending, so lines Switchboard adds
 * look like the lines around them. Two spaces (opencode's own style) when the
 * file gives no hint.
 */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = text
    .split(/\r?\n/)
    // Only lines that start a property or close a block: a block comment's " * " would read as one space.
    .map((line) => /^([ \t]+)["}\]]/.exec(line)?.[1])
    .filter((indent): indent is string => indent !== undefined);
  if (indents.some((indent) => indent.startsWith('\t'))) return { insertSpaces: false, tabSize: 1, eol };
  const widths = indents.map((indent) => indent.length);
  const tabSize = widths.length > 0 ? Math.min(...widths) : 2;
  return { insertSpaces: true, tabSize, eol };
}
