import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/opencode/jsonc-edit.js';
import { planConfigUpdate } from '../../src/opencode/plan-config-update.js';
import { litellmProvider as provider, OPENCODE_FILE as FILE } from './support/litellm-provider.js';


// Pieces a hand-edited opencode.json is made of, so generated texts are mostly near-valid and reach the edit path.
const TOKENS = [
  '{', '}', '[', ']', ',', ':', ' ', '\n', '\r\n', '\t', '\uFEFF', '1', '-0', '1e999', 'null', 'true', '"x"', '""',
  '"provider"', '"litellm"', '"model"', '"small_model"', '"$schema"', '"enabled_providers"', '"disabled_providers"',
  '"npm"', '"@ai-sdk/openai-compatible"', '"__proto__"', '"constructor"', '// note\n', '/* note */', '/*', '//', '"\\u00', '\\',
];
const jsoncIsh = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(''));
// Nesting from shallow to far past what a recursive parser survives (a stack overflow used to answer 500).
const nested = fc
  .record({ depth: fc.integer({ min: 1, max: 50_000 }), open: fc.constantFrom('[', '{"a":', '{"provider":'), inner: fc.constantFrom('', '1', '{}', '"x"'), closed: fc.boolean() })
  .map(({ depth, open, inner, closed }) => `{"deep":${open.repeat(depth)}${inner}${closed ? (open === '[' ? ']' : '}').repeat(depth) : ''}}`);
// The same key twice at some level, which opencode would silently resolve one way and an edit another.
const duplicated = fc
  .record({ key: fc.constantFrom('provider', 'model', 'enabled_providers', 'disabled_providers', 'litellm'), first: fc.constantFrom('1', '[]', '{}', '"x"'), second: fc.constantFrom('{}', '["litellm"]', '"y"'), inside: fc.boolean() })
  .map(({ key, first, second, inside }) => {
    const members = `"${key}": ${first}, "${key}": ${second}`;
    return inside ? `{"provider": {${members}}}` : `{${members}}`;
  });
// Valid documents with provider lists and nesting in every shape the editor has to walk.
const shaped = fc
  .record({
    provider: fc.option(fc.oneof(fc.constant({}), fc.constant([]), fc.constant({ litellm: { npm: '@ai-sdk/openai-compatible', models: [] } }), fc.constant('x'))),
    enabled_providers: fc.option(fc.oneof(fc.constant(['litellm']), fc.constant([]), fc.constant({}), fc.constant([['litellm']]))),
    disabled_providers: fc.option(fc.oneof(fc.constant(['litellm', 'litellm']), fc.constant([]), fc.constant('litellm'))),
    model: fc.option(fc.oneof(fc.constant({}), fc.constant(1), fc.constant('a/b'))),
  })
  .chain((record) => fc.constantFrom(JSON.stringify(record), JSON.stringify(record, null, 2), JSON.stringify(record, null, '\t').replaceAll('\n', '\r\n')));

describe('any document, however malformed, gets a plan or a sentence', () => {
  it.each([
    ['JSONC-ish token soup', jsoncIsh],
    ['documents of every shape', shaped],
    ['deep nesting', nested],
    ['duplicate keys', duplicated],
    ['any of these after a byte-order mark', fc.oneof(jsoncIsh, shaped, nested, duplicated).map((text) => `\uFEFF${text}`)],
  ])('%s', (_label, texts) => {
    fc.assert(
      fc.property(texts, (existingText) => {
        const result = planConfigUpdate({ existingText, filePath: FILE, providerId: 'litellm', provider, modelId: 'gpt-4o' });
        if (result.ok) {
          expect(parse(result.value.text.replace(/^\uFEFF/, ''), [], PARSE_OPTIONS)).toMatchObject({ model: 'litellm/gpt-4o' });
        } else {
          expect(result.error.kind).toBe('config-invalid');
          expect(result.error.message).toContain(FILE);
          // A problem with the text says where it is; only a wrong shape (a list where an object belongs) names a key instead.
          expect(result.error.message).toMatch(/line \d+, column \d+|top level|" in |"provider\.litellm"/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
