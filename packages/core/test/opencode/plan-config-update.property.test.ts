import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { apiKeyEnvVariable } from '../../src/opencode/api-key-env.js';
import { PARSE_OPTIONS } from '../../src/opencode/jsonc-edit.js';
import { planConfigUpdate } from '../../src/opencode/plan-config-update.js';
import { buildProviderEntry } from '../../src/opencode/provider-entry.js';
import { liteLLMModels } from './support/models.js';

const FILE = '/home/ada/.config/opencode/opencode.json';
const provider = buildProviderEntry({
  displayName: 'LiteLLM',
  baseURL: 'http://localhost:4000/v1',
  models: liteLLMModels(),
  apiKey: { kind: 'env', variable: apiKeyEnvVariable('litellm') },
});

// Pieces a hand-edited opencode.json is made of, so generated texts are mostly near-valid and reach the edit path.
const TOKENS = [
  '{', '}', '[', ']', ',', ':', ' ', '\n', '\r\n', '\t', '\uFEFF', '1', '-0', '1e999', 'null', 'true', '"x"', '""',
  '"provider"', '"litellm"', '"model"', '"small_model"', '"$schema"', '"enabled_providers"', '"disabled_providers"',
  '"npm"', '"@ai-sdk/openai-compatible"', '"__proto__"', '"constructor"', '// note\n', '/* note */', '/*', '//', '"\\u00', '\\',
];
const jsoncIsh = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(''));
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
  ])('%s', (_label, texts) => {
    fc.assert(
      fc.property(texts, (existingText) => {
        const result = planConfigUpdate({ existingText, filePath: FILE, providerId: 'litellm', provider, modelId: 'gpt-4o' });
        if (result.ok) {
          expect(parse(result.value.text.replace(/^\uFEFF/, ''), [], PARSE_OPTIONS)).toMatchObject({ model: 'litellm/gpt-4o' });
        } else {
          expect(result.error.kind).toBe('config-invalid');
          expect(result.error.message).toContain(FILE);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
