import type { ConfigDiff } from '../../../src/opencode/config-diff.js';

const MARKER = { added: '+', removed: '-', context: ' ', note: '\\' } as const;

/** A diff written out as the unified text the preview shows, so a test can say what the person reads; empty with no hunks. */
export function unifiedText(diff: ConfigDiff): string {
  if (diff.hunks.length === 0) return '';
  const lines = [`--- ${diff.oldFileName}`, `+++ ${diff.newFileName}`];
  for (const hunk of diff.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) lines.push(MARKER[line.kind] + line.text);
  }
  return `${lines.join('\n')}\n`;
}
