import type { OpencodePreview } from '@switchboard/shared';
import { structuredPatch } from 'diff';

export type ConfigDiff = OpencodePreview['diff'];
type DiffLine = ConfigDiff['hunks'][number]['lines'][number];

const KINDS: Readonly<Record<string, DiffLine['kind']>> = { '+': 'added', '-': 'removed', ' ': 'context', '\\': 'note' };

/**
 * The change from `oldText` to `newText` as hunks the preview shows as they
 * are, so nothing downstream has to read a diff's text back: each line's kind
 * comes from jsdiff itself, and a removed line that reads `--- x` stays a
 * removed line. A CRLF file's line ends are line ends, not part of the text.
 */
export function configDiff(oldFileName: string, newFileName: string, oldText: string, newText: string): ConfigDiff {
  const patch = structuredPatch(oldFileName, newFileName, oldText, newText);
  return {
    oldFileName,
    newFileName,
    hunks: patch.hunks.map((hunk) => ({
      // The unified format's quirk: a side with no lines starts at the line before, as its header says.
      oldStart: hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart,
      oldLines: hunk.oldLines,
      newStart: hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart,
      newLines: hunk.newLines,
      lines: hunk.lines.map((line) => ({ kind: KINDS[line.charAt(0)] ?? 'context', text: line.slice(1).replace(/\r$/, '') })),
    })),
  };
}
