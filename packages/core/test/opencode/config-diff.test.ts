import { describe, expect, test } from 'vitest';
import { configDiff } from '../../src/opencode/config-diff.js';

type Kinds = Array<'added' | 'removed' | 'context' | 'note'>;

// What the renderer once had to read back out of the diff's text, now decided where the diff is made.
const CASES: Array<{ name: string; old: string; new: string; kinds: Kinds; texts?: string[] }> = [
  { name: 'a removed line reading "--- x" and an added one reading "+++ y" are lines, not file headers', old: '-- x\n', new: '++ y\n', kinds: ['removed', 'added'], texts: ['-- x', '++ y'] },
  { name: 'a file without a final newline gets a note after its last line', old: 'x', new: 'y\n', kinds: ['removed', 'note', 'added'] },
  { name: 'context, removed and added lines each get their kind', old: '{\n  "a": 1\n}\n', new: '{\n  "a": 2,\n  "b": 3\n}\n', kinds: ['context', 'removed', 'added', 'added', 'context'] },
  { name: 'Windows line ends are line ends, not part of the text', old: '{\r\n"a": 1\r\n}\r\n', new: '{\r\n"a": 2\r\n}\r\n', kinds: ['context', 'removed', 'added', 'context'], texts: ['{', '"a": 1', '"a": 2', '}'] },
];

describe('configDiff', () => {
  test.each(CASES)('$name', ({ old, new: next, kinds, texts }) => {
    const lines = configDiff('a.json', 'a.json', old, next).hunks.flatMap((hunk) => hunk.lines);
    expect(lines.map((line) => line.kind)).toEqual(kinds);
    if (texts) expect(lines.filter((line) => line.kind !== 'note').map((line) => line.text)).toEqual(texts);
  });

  test('the note says what it is about', () => {
    const note = configDiff('a', 'a', 'x', 'y\n').hunks[0]?.lines[1];
    expect(note).toEqual({ kind: 'note', text: ' No newline at end of file' });
  });

  test('the same text is an empty diff: no hunks, the file names kept', () => {
    expect(configDiff('a.json', 'a.json', '{}\n', '{}\n')).toEqual({ oldFileName: 'a.json', newFileName: 'a.json', hunks: [] });
  });

  test('a new file: the old side is /dev/null and starts at line 0 with no lines, as the unified header says', () => {
    const diff = configDiff('/dev/null', 'b.json', '', '{\n}\n');
    expect(diff.oldFileName).toBe('/dev/null');
    expect(diff.hunks).toEqual([{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: [{ kind: 'added', text: '{' }, { kind: 'added', text: '}' }] }]);
  });

  test('two changes far apart are two hunks, each with its own counts', () => {
    const old = Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n') + '\n';
    const next = old.replace('line 1\n', 'line one\n').replace('line 18\n', 'line eighteen\n');
    const hunks = configDiff('a', 'a', old, next).hunks;
    expect(hunks.map(({ oldStart, oldLines, newStart, newLines }) => [oldStart, oldLines, newStart, newLines])).toEqual([
      [1, 6, 1, 6],
      [15, 6, 15, 6],
    ]);
  });
});
