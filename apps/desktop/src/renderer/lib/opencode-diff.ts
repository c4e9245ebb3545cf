import type { OpencodePreview } from '@switchboard/shared';

type ConfigDiff = OpencodePreview['diff'];
type DiffLineKind = ConfigDiff['hunks'][number]['lines'][number]['kind'] | 'hunk' | 'file';

/** One line of the preview as shown: core's hunks written out as a unified diff, so copying it gives the diff. */
export interface DiffRow {
  kind: DiffLineKind;
  text: string;
}

const MARKER = { added: '+', removed: '-', context: ' ', note: '\\' } as const;

/** The file names, then each hunk's header and its lines with their markers; nothing when there are no hunks. */
export function diffRows(diff: ConfigDiff): DiffRow[] {
  if (diff.hunks.length === 0) return [];
  const rows: DiffRow[] = [
    { kind: 'file', text: `--- ${diff.oldFileName}` },
    { kind: 'file', text: `+++ ${diff.newFileName}` },
  ];
  for (const hunk of diff.hunks) {
    rows.push({ kind: 'hunk', text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@` });
    for (const line of hunk.lines) rows.push({ kind: line.kind, text: MARKER[line.kind] + line.text });
  }
  return rows;
}

/** How many lines the change adds and removes, for a one-line summary. */
export function countChanges(diff: ConfigDiff): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.hunks.flatMap((hunk) => hunk.lines)) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}
