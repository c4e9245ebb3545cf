/** How one line of a unified diff is shown. */
type DiffLineKind = 'added' | 'removed' | 'hunk' | 'file' | 'note' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line as it came, marker included, so copying the diff gives the diff. */
  text: string;
}

/**
 * Splits the unified diff `opencode:preview` sends into lines to colour.
 * `---`/`+++` name the files (they are not removed or added lines), `@@`
 * starts a hunk, and `\ No newline at end of file` is a note about the line
 * before. A hunk's header says how many lines it spans, so a removed line
 * that happens to read `--- x` inside it is still a removed line. The diff's
 * final newline does not make an empty last line.
 */
export function parseDiffLines(diff: string): DiffLine[] {
  if (diff === '') return [];
  const lines = diff.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Lines of the old and new file still to come in the current hunk.
  let oldLeft = 0;
  let newLeft = 0;
  return lines.map((text): DiffLine => {
    if (text.startsWith('@@')) {
      [oldLeft, newLeft] = hunkCounts(text);
      return { kind: 'hunk', text };
    }
    if (oldLeft <= 0 && newLeft <= 0) return { kind: outsideHunk(text), text };
    const kind = kindOf(text);
    if (kind !== 'added' && kind !== 'note') oldLeft--;
    if (kind !== 'removed' && kind !== 'note') newLeft--;
    return { kind, text };
  });
}

/** `@@ -1,3 +1,4 @@` → [3, 4]; a count left out is 1. [0, 0] when the header cannot be read. */
function hunkCounts(line: string): [number, number] {
  const match = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
  return match ? [Number(match[1] ?? 1), Number(match[2] ?? 1)] : [0, 0];
}

/** Between hunks (or after a header without counts): file headers, the note, else read by the marker alone. */
function outsideHunk(line: string): DiffLineKind {
  if (line.startsWith('+++') || line.startsWith('---')) return 'file';
  return /^[-+ \\]/.test(line) ? kindOf(line) : 'file';
}

function kindOf(line: string): DiffLineKind {
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  if (line.startsWith('\\')) return 'note';
  return 'context';
}

/** How many lines the change adds and removes, for a one-line summary. */
export function countChanges(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}
