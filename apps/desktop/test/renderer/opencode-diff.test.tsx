import { describe, expect, test } from 'vitest';
import { countChanges, parseDiffLines } from '../../src/renderer/lib/opencode-diff';
import { SAMPLE_DIFF } from './opencode-fixtures';

describe('parseDiffLines', () => {
  test('file headers, hunk, context, removed and added lines each get their kind', () => {
    expect(parseDiffLines(SAMPLE_DIFF).map((line) => line.kind)).toEqual([
      'file',
      'file',
      'hunk',
      'context',
      'removed',
      'added',
      'added',
      'context',
    ]);
  });

  test('keeps each line as it came, and the final newline makes no empty line', () => {
    const lines = parseDiffLines('@@ -1 +1 @@\n-a\n+b\n');
    expect(lines).toEqual([
      { kind: 'hunk', text: '@@ -1 +1 @@' },
      { kind: 'removed', text: '-a' },
      { kind: 'added', text: '+b' },
    ]);
  });

  test('an empty diff has no lines', () => {
    expect(parseDiffLines('')).toEqual([]);
  });

  test('--- and +++ are headers, not changes, but inside a hunk a line reading "--- x" is removed', () => {
    const lines = parseDiffLines('--- a.json\n+++ a.json\n@@ -1,2 +1,2 @@\n--- dashes\n++++ plus\n\\ No newline at end of file\n');
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'hunk', 'removed', 'added', 'note']);
  });

  test('the note after a hunk\'s last line is still a note', () => {
    const lines = parseDiffLines('--- a\n+++ a\n@@ -1 +1 @@\n-x\n+y\n\\ No newline at end of file\n');
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'hunk', 'removed', 'added', 'note']);
  });

  test('a hunk header without counts: lines are read by their marker, +++ and --- still name files', () => {
    const lines = parseDiffLines('--- a\n+++ a\n@@ something @@\n x\n-y\n+z\n');
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'hunk', 'context', 'removed', 'added']);
  });

  test('a second file header after a hunk starts a new file', () => {
    const lines = parseDiffLines('--- a\n+++ a\n@@ -1 +1 @@\n-x\n+y\n--- b\n+++ b\n@@ -1 +1 @@\n-p\n');
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'hunk', 'removed', 'added', 'file', 'file', 'hunk', 'removed']);
  });

  test('Windows line ends are read as line ends', () => {
    expect(parseDiffLines('@@ -1 +1 @@\r\n-a\r\n+b').map((line) => line.text)).toEqual(['@@ -1 +1 @@', '-a', '+b']);
  });

  test('countChanges counts added and removed lines only', () => {
    expect(countChanges(parseDiffLines(SAMPLE_DIFF))).toEqual({ added: 2, removed: 1 });
  });
});
