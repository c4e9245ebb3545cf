import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/opencode/document-checks.js';
import { planConfigUpdate } from '../../src/opencode/plan-config-update.js';
import { litellmProvider as provider, OPENCODE_FILE as FILE } from './support/litellm-provider.js';
import { expectValidOpencodeConfig } from './support/opencode-schema.js';

const plan = (existingText: string) => planConfigUpdate({ existingText, filePath: FILE, providerId: 'litellm', provider, modelId: 'gpt-4o' });

describe('documents Switchboard will not edit are refused with where the problem is', () => {
  it.each([
    ['a key twice at the top', '{\n  "model": "a/b",\n  "model": "c/d"\n}\n', 'the key "model" twice in one object (at line 2, column 3 and line 3, column 3)'],
    ['provider twice, the first not an object', '{"provider": 1, "provider": {}}', 'the key "provider" twice in one object (at line 1, column 2 and line 1, column 17)'],
    ['a duplicate deep inside', '{"a": [{"b": {"c": 1, "c": 2}}]}', 'the key "c" twice in one object (at line 1, column 15 and line 1, column 23)'],
    ['a duplicate on CRLF lines', '{\r\n  "x": 1,\r\n  "x": 2\r\n}\r\n', 'the key "x" twice in one object (at line 2, column 3 and line 3, column 3)'],
    ['lists nested past the limit', `{"a": ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}}`, `more than ${MAX_DEPTH} deep (at line 1, column ${6 + MAX_DEPTH})`],
    ['a depth bomb of a million brackets', '['.repeat(1_000_000), `more than ${MAX_DEPTH} deep (at line 1, column ${MAX_DEPTH + 1})`],
    ['objects nested past the limit', '{"a":'.repeat(100_000), `more than ${MAX_DEPTH} deep (at line 1, column ${5 * MAX_DEPTH + 1})`],
    ['a syntax error after a byte-order mark', '\uFEFF{\n  "a": 1,,\n}', 'not valid JSON: a property name in double quotes was expected at line 2, column 10'],
  ])('%s', (_label, text, where) => {
    const result = plan(text);
    expect(result).toMatchObject({ ok: false, error: { kind: 'config-invalid' } });
    expect(!result.ok && result.error.message).toContain(FILE);
    expect(!result.ok && result.error.message).toContain(where);
  });

  it(`nesting up to ${MAX_DEPTH} deep is fine`, () => {
    const text = `{"deep": ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}}`;
    expect(plan(text)).toMatchObject({ ok: true });
  });
});

describe('documents that are fine', () => {
  it('a byte-order mark stays where it was and the rest is edited', () => {
    const result = plan('\uFEFF{\n  "username": "ada"\n}\n');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.text.startsWith('\uFEFF{\n  "$schema"')).toBe(true);
    expect(expectValidOpencodeConfig(result.value.text.slice(1))).toMatchObject({ username: 'ada', model: 'litellm/gpt-4o' });
  });

  it('a "__proto__" key is a key like any other, not a way to plant a provider', () => {
    const result = plan('{\n  "provider": {\n    "__proto__": { "litellm": 5 }\n  }\n}\n');
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.parse(result.value.text)).toMatchObject({ provider: { litellm: { npm: '@ai-sdk/openai-compatible' } } });
    expect(result.value.text).toContain('"__proto__": { "litellm": 5 }');
  });
});
