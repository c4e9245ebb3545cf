import type { OpencodePreview } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import { countChanges, diffRows } from '../../src/renderer/lib/opencode-diff';

type ConfigDiff = OpencodePreview['diff'];
const FILE = '/home/ada/.config/opencode/opencode.json';

/** A diff as `opencode:preview` sends it: core's hunks, secrets masked. */
const SAMPLE: ConfigDiff = {
  oldFileName: FILE,
  newFileName: FILE,
  hunks: [
    {
      oldStart: 1,
      oldLines: 3,
      newStart: 1,
      newLines: 4,
      lines: [
        { kind: 'context', text: '{' },
        { kind: 'removed', text: '  "model": "litellm/gpt-4o"' },
        { kind: 'added', text: '  "model": "litellm/claude-3-5-sonnet",' },
        { kind: 'added', text: '  "small_model": "litellm/gpt-4o"' },
        { kind: 'context', text: '}' },
      ],
    },
  ],
};

const hunk = (lines: ConfigDiff['hunks'][number]['lines'], counts = { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }) => ({ ...counts, lines });

describe('diffRows', () => {
  test('file headers, hunk, context, removed and added lines each get their kind', () => {
    expect(diffRows(SAMPLE).map((line) => line.kind)).toEqual(['file', 'file', 'hunk', 'context', 'removed', 'added', 'added', 'context']);
  });

  test('writes the hunks out as the unified diff they stand for, markers included', () => {
    expect(diffRows(SAMPLE).map((line) => line.text)).toEqual([
      `--- ${FILE}`,
      `+++ ${FILE}`,
      '@@ -1,3 +1,4 @@',
      ' {',
      '-  "model": "litellm/gpt-4o"',
      '+  "model": "litellm/claude-3-5-sonnet",',
      '+  "small_model": "litellm/gpt-4o"',
      ' }',
    ]);
  });

  test('a diff without hunks has no lines, not even file headers', () => {
    expect(diffRows({ oldFileName: 'a', newFileName: 'a', hunks: [] })).toEqual([]);
  });

  test('a removed line reading "--- x" is shown as removed, and the note as a note', () => {
    const rows = diffRows({ oldFileName: 'a', newFileName: 'a', hunks: [hunk([{ kind: 'removed', text: '-- x' }, { kind: 'note', text: ' No newline at end of file' }, { kind: 'added', text: '++ y' }])] });
    expect(rows.slice(2)).toEqual([
      { kind: 'hunk', text: '@@ -1,1 +1,1 @@' },
      { kind: 'removed', text: '--- x' },
      { kind: 'note', text: '\\ No newline at end of file' },
      { kind: 'added', text: '+++ y' },
    ]);
  });

  test('a new file is shown from /dev/null, each hunk under its own header', () => {
    const rows = diffRows({
      oldFileName: '/dev/null',
      newFileName: 'b',
      hunks: [hunk([{ kind: 'added', text: '{' }], { oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 }), hunk([{ kind: 'added', text: '}' }], { oldStart: 0, oldLines: 0, newStart: 9, newLines: 1 })],
    });
    expect(rows.map((row) => row.text)).toEqual(['--- /dev/null', '+++ b', '@@ -0,0 +1,1 @@', '+{', '@@ -0,0 +9,1 @@', '+}']);
  });
});

describe('countChanges', () => {
  test('counts added and removed lines only', () => {
    expect(countChanges(SAMPLE)).toEqual({ added: 2, removed: 1 });
  });

  test('counts across hunks', () => {
    expect(countChanges({ oldFileName: 'a', newFileName: 'a', hunks: [...SAMPLE.hunks, ...SAMPLE.hunks] })).toEqual({ added: 4, removed: 2 });
  });
});
