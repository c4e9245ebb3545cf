import { describe, expect, it } from 'vitest';
import { appendToArray, removeFromArray, setProperty } from '../../src/opencode/jsonc-edit.js';
import { detectStyle } from '../../src/opencode/jsonc-style.js';

const set = (text: string, path: string[], value: unknown, position?: 'first' | 'last') => setProperty(text, path, value, detectStyle(text), position);

describe('surgical JSONC edits', () => {
  it('appends after a trailing comment, which stays with its own property', () => {
    expect(set('{\n  "a": 1 // about a\n}\n', ['b'], 2)).toBe('{\n  "a": 1, // about a\n  "b": 2\n}\n');
  });

  it('keeps a trailing comma style', () => {
    expect(set('{\n  "a": 1, /* a */\n}\n', ['b'], 2)).toBe('{\n  "a": 1, /* a */\n  "b": 2,\n}\n');
  });

  it('replaces a value in place, leaving the comments around it', () => {
    expect(set('{\n  // the model\n  "model": "x/y", // old\n  "a": 1\n}', ['model'], 'l/m')).toBe('{\n  // the model\n  "model": "l/m", // old\n  "a": 1\n}');
  });

  it('puts a first property after the opening line and its comment, before a comment that belongs to the next property', () => {
    expect(set('{ // mine\n  /* about a */\n  "a": 1\n}', ['$schema'], 's', 'first')).toBe('{ // mine\n  "$schema": "s",\n  /* about a */\n  "a": 1\n}');
  });

  it('creates missing parents in one piece, indented like the document', () => {
    expect(set('{\n\t"a": 1\n}', ['provider', 'p'], { x: 1 })).toBe('{\n\t"a": 1,\n\t"provider": {\n\t\t"p": {\n\t\t\t"x": 1\n\t\t}\n\t}\n}');
  });

  it('fills an empty object, and one that holds only a comment', () => {
    expect(set('{\n  "provider": {}\n}', ['provider', 'p'], 1)).toBe('{\n  "provider": {\n    "p": 1\n  }\n}');
    expect(set('{\n  "provider": {\n    // none yet\n  }\n}', ['provider', 'p'], 1)).toBe('{\n  "provider": {\n    // none yet\n    "p": 1\n  }\n}');
  });

  it('lays out a one-line object again rather than growing the line', () => {
    expect(set('{ "a": 1 }', ['$schema'], 's', 'first')).toBe('{\n  "$schema": "s",\n  "a": 1\n}');
  });

  it('adds an object after a file of comments only', () => {
    expect(set('// hello\n', ['a'], 1)).toBe('// hello\n{\n  "a": 1\n}\n');
  });

  it('appends to arrays on one line or several', () => {
    const style = detectStyle('');
    expect(appendToArray('{ "e": ["a"] }', ['e'], 'b', style)).toBe('{ "e": ["a", "b"] }');
    expect(appendToArray('{ "e": [] }', ['e'], 'b', style)).toBe('{ "e": ["b"] }');
    expect(appendToArray('{\n  "e": [\n    "a" // first\n  ]\n}', ['e'], 'b', style)).toBe('{\n  "e": [\n    "a", // first\n    "b"\n  ]\n}');
  });

  it('removes every occurrence from an array', () => {
    expect(removeFromArray('{ "d": ["x", "o", "x"] }', ['d'], 'x')).toBe('{ "d": ["o"] }');
    expect(removeFromArray('{ "d": ["x"] }', ['d'], 'x')).toBe('{ "d": [] }');
    expect(removeFromArray('{\n  "d": [\n    "x",\n    "o"\n  ]\n}', ['d'], 'x')).toBe('{\n  "d": [\n    "o"\n  ]\n}');
  });

  it('keeps the comments of an array it removes from, and leaves no dangling comma', () => {
    const before = [
      '{',
      '  "d": [',
      '    // switched off while the proxy is down',
      '    "x", // mine',
      '    "o", /* theirs */',
      '    "x"',
      '  ]',
      '}',
    ].join('\n');
    expect(removeFromArray(before, ['d'], 'x')).toBe(
      ['{', '  "d": [', '    // switched off while the proxy is down', '    "o" /* theirs */', '  ]', '}'].join('\n'),
    );
  });
});
