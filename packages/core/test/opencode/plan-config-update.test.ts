import { describe, expect, it } from 'vitest';
import { apiKeyEnvVariable } from '../../src/opencode/api-key-env.js';
import { planConfigUpdate, type ConfigUpdateRequest } from '../../src/opencode/plan-config-update.js';
import { buildProviderEntry } from '../../src/opencode/provider-entry.js';
import type { ApiKeySource } from '../../src/opencode/types.js';
import { unifiedText } from './support/diff-text.js';
import { liteLLMModels, model } from './support/models.js';
import { expectValidOpencodeConfig } from './support/opencode-schema.js';

const FILE = '/home/ada/.config/opencode/opencode.json';

function liteLLM(apiKey: ApiKeySource = { kind: 'env', variable: apiKeyEnvVariable('litellm') }) {
  return buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://localhost:4000/v1', models: liteLLMModels(), apiKey });
}

function plan(existingText: string | null, extra: Partial<ConfigUpdateRequest> = {}) {
  const result = planConfigUpdate({ existingText, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o', ...extra });
  if (!result.ok) throw new Error(`expected a plan, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('a new config file', () => {
  it('holds $schema, the provider and the model, and opencode\'s schema accepts it', () => {
    const { text, diff, changed, keyInPlainText } = plan(null);
    const config = expectValidOpencodeConfig(text);
    expect(config).toEqual({
      $schema: 'https://opencode.ai/config.json',
      provider: { litellm: liteLLM() },
      model: 'litellm/gpt-4o',
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(changed).toBe(true);
    expect(keyInPlainText).toBe(false);
    expect(text).not.toMatch(/sk-/);
    expect(unifiedText(diff)).toMatch(/^--- \/dev\/null\n\+\+\+ \/home\/ada\/\.config\/opencode\/opencode\.json\n@@ -0,0 \+1,\d+ @@/);
  });

  it('sets small_model only when one is picked', () => {
    expect(expectValidOpencodeConfig(plan(null, { smallModelId: 'o3-mini' }).text)).toMatchObject({ small_model: 'litellm/o3-mini' });
    expect(expectValidOpencodeConfig(plan(null).text)).not.toHaveProperty('small_model');
  });

  it('treats an empty file as a new one', () => {
    expect(expectValidOpencodeConfig(plan('\n').text)).toHaveProperty('model', 'litellm/gpt-4o');
  });

  it('says why a Responses-only model left out of the entry cannot be the chosen model, and writes nothing broken', () => {
    const result = planConfigUpdate({
      existingText: null,
      filePath: FILE,
      providerId: 'litellm',
      provider: liteLLM(),
      modelId: 'o1-pro',
      responsesOnlyLeftOut: ['o1-pro'],
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'config-invalid' } });
    expect(!result.ok && result.error.message).toMatch(/^"o1-pro" speaks only the Responses API.*Also write models that only speak the Responses API/);
  });

  it('reports the Responses-only models it leaves out, for the preview', () => {
    expect(plan(null, { responsesOnlyLeftOut: ['o1-pro'] }).responsesOnlyLeftOut).toEqual(['o1-pro']);
    expect(plan(null).responsesOnlyLeftOut).toEqual([]);
  });

  it('writes a Responses-only model, cache prices and PDF input in a form opencode\'s schema accepts', () => {
    const provider = buildProviderEntry({
      displayName: 'LiteLLM',
      baseURL: 'http://localhost:4000/v1',
      models: [...liteLLMModels(), model('claude', { inputCostPerMillion: 3, outputCostPerMillion: 15, cacheReadCostPerMillion: 0.3, cacheWriteCostPerMillion: 3.75, supportsPdf: true })],
      apiKey: { kind: 'env', variable: apiKeyEnvVariable('litellm') },
      writeResponsesOnly: true,
    });
    const result = planConfigUpdate({ existingText: null, filePath: FILE, providerId: 'litellm', provider, modelId: 'o1-pro', smallModelId: 'claude' });
    if (!result.ok) throw new Error(result.error.message);
    expect(expectValidOpencodeConfig(result.value.text)).toMatchObject({
      model: 'litellm/o1-pro',
      provider: {
        litellm: {
          models: {
            'o1-pro': { provider: { npm: '@ai-sdk/openai' }, modalities: { input: ['text', 'image', 'pdf'] }, attachment: true },
            claude: { cost: { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 }, modalities: { input: ['text', 'pdf'] } },
          },
        },
      },
    });
  });

  it('refuses a model that is not one of the platform\'s chat models', () => {
    for (const extra of [{ modelId: 'text-embedding-3-small' }, { modelId: 'nope' }, { smallModelId: 'dall-e-3' }]) {
      const result = planConfigUpdate({ existingText: null, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o', ...extra });
      expect(result).toMatchObject({ ok: false, error: { kind: 'config-invalid' } });
    }
  });

  it('writes a plain key only when asked, and flags it', () => {
    const result = planConfigUpdate({ existingText: null, filePath: FILE, providerId: 'litellm', provider: liteLLM({ kind: 'plain', value: 'sk-plain-1' }), modelId: 'gpt-4o' });
    expect(result.ok && result.value.keyInPlainText).toBe(true);
    expect(result.ok && expectValidOpencodeConfig(result.value.text)).toMatchObject({ provider: { litellm: { options: { apiKey: 'sk-plain-1' } } } });
  });
});

describe('merging into an existing config', () => {
  const existing = `${JSON.stringify(
    {
      $schema: 'https://opencode.ai/config.json',
      username: 'ada',
      model: 'anthropic/claude-sonnet-4',
      provider: {
        anthropic: { options: { apiKey: '{env:ANTHROPIC_API_KEY}' } },
        litellm: { npm: '@ai-sdk/openai-compatible', name: 'Old', options: { baseURL: 'http://old:4000/v1' }, models: { stale: { name: 'stale' } } },
      },
      mcp: { files: { type: 'local', command: ['mcp-files'] } },
    },
    null,
    2,
  )}\n`;

  it('keeps other providers and settings, replaces only its own provider, and points model at the choice', () => {
    const { text } = plan(existing);
    const config = expectValidOpencodeConfig(text);
    expect(config).toEqual({
      $schema: 'https://opencode.ai/config.json',
      username: 'ada',
      model: 'litellm/gpt-4o',
      provider: { anthropic: { options: { apiKey: '{env:ANTHROPIC_API_KEY}' } }, litellm: liteLLM() },
      mcp: { files: { type: 'local', command: ['mcp-files'] } },
    });
  });

  it('shows the change as a unified diff labelled with the file', () => {
    const diff = unifiedText(plan(existing).diff);
    expect(diff.startsWith(`--- ${FILE}\n+++ ${FILE}\n@@ `)).toBe(true);
    expect(diff).toContain('-  "model": "anthropic/claude-sonnet-4",\n+  "model": "litellm/gpt-4o",');
    expect(diff).toContain('-          "name": "stale"');
    expect(diff).not.toContain('-  "username"');
  });

  it('adds $schema when it is missing, first', () => {
    const { text } = plan('{\n  "username": "dark"\n}\n');
    expect(text.startsWith('{\n  "$schema": "https://opencode.ai/config.json",\n  "username": "dark",')).toBe(true);
    expectValidOpencodeConfig(text);
  });

  it('keeps a $schema the user set', () => {
    const { text } = plan('{ "$schema": "./my-schema.json" }');
    expect(expectValidOpencodeConfig(text)['$schema']).toBe('./my-schema.json');
  });

  it('is a no-op with an empty diff when the file already says exactly this', () => {
    const first = plan(existing).text;
    const again = plan(first);
    expect(again).toMatchObject({ text: first, changed: false });
    expect(again.diff.hunks).toEqual([]);
  });
});

describe('enabled_providers and disabled_providers', () => {
  it('adds the platform to an existing enabled_providers list', () => {
    const config = expectValidOpencodeConfig(plan('{ "enabled_providers": ["anthropic"] }').text);
    expect(config['enabled_providers']).toEqual(['anthropic', 'litellm']);
  });

  it('does not add it twice', () => {
    const config = expectValidOpencodeConfig(plan('{ "enabled_providers": ["litellm", "anthropic"] }').text);
    expect(config['enabled_providers']).toEqual(['litellm', 'anthropic']);
  });

  it('never creates the list, which would switch every other provider off', () => {
    expect(expectValidOpencodeConfig(plan('{ "username": "dark" }').text)).not.toHaveProperty('enabled_providers');
    expect(expectValidOpencodeConfig(plan(null).text)).not.toHaveProperty('enabled_providers');
  });

  it('takes the platform out of disabled_providers, which would hide the model just chosen', () => {
    const config = expectValidOpencodeConfig(plan('{ "disabled_providers": ["litellm", "openai", "litellm"] }').text);
    expect(config['disabled_providers']).toEqual(['openai']);
  });
});

describe('a .jsonc file', () => {
  const jsonc = [
    '// My opencode setup. Do not lose this comment.',
    '{',
    '    /* username: picked with care */',
    '    "username": "gruvbox", // trailing comment',
    '    "provider": {',
    '        // work proxy',
    '        "anthropic": { "options": { "timeout": 600000 } },',
    '    },',
    '    "enabled_providers": ["anthropic",], // only these',
    '}',
    '',
  ].join('\n');

  it('keeps comments, trailing commas and the file\'s own four-space indentation', () => {
    const { text } = plan(jsonc, { filePath: '/home/ada/.config/opencode/opencode.jsonc' });
    const kept = text.split('\n');
    for (const line of jsonc.split('\n')) {
      if (!line.includes('enabled_providers')) expect(kept).toContain(line);
    }
    // Edited in place: the comment stays on its line, the one-line list stays on one line.
    expect(kept).toContain('    "enabled_providers": ["anthropic", "litellm",], // only these');
    expect(text).toContain('\n        "litellm": {\n            "npm": "@ai-sdk/openai-compatible",');
    const config = expectValidOpencodeConfig(text);
    expect(config).toMatchObject({ username: 'gruvbox', model: 'litellm/gpt-4o', enabled_providers: ['anthropic', 'litellm'] });
    expect(Object.keys(config['provider'] as object)).toEqual(['anthropic', 'litellm']);
  });

  it('follows tabs and CRLF line endings', () => {
    const { text } = plan('{\r\n\t"username": "dark"\r\n}\r\n');
    expect(text).toContain('\r\n\t"provider": {\r\n\t\t"litellm": {\r\n\t\t\t"npm"');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expectValidOpencodeConfig(text);
  });

  it('adds to a file that holds only comments, keeping them', () => {
    const { text } = plan('// nothing here yet\n');
    expect(text).toContain('// nothing here yet');
    expectValidOpencodeConfig(text);
  });
});

describe('a file that cannot be parsed', () => {
  it('is refused with the file, line and column of the first error', () => {
    const broken = '{\n  "username": "dark",\n  oops: 1\n}\n';
    const result = planConfigUpdate({ existingText: broken, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o' });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'config-invalid',
        message: `${FILE} is not valid JSON: unexpected character at line 3, column 3. Switchboard left the file unchanged; fix it (or move it away), then try again.`,
      },
    });
  });

  it.each([
    ['an unclosed object', '{\n  "a": 1\n', /a closing \} was expected at line 3, column 1/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', /a comma was expected at line 3, column 3/],
    ['an unclosed comment', '{ /* no end', /a comment is not closed at line 1, column 3/],
  ])('names %s', (_what, text, message) => {
    const result = planConfigUpdate({ existingText: text, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringMatching(message) } });
  });

  it.each([
    ['a top level that is not an object', '["litellm"]', /does not hold a JSON object/],
    ['a provider that is not an object', '{ "provider": "litellm" }', /"provider" in .* is not an object/],
    ['an enabled_providers that is not a list', '{ "enabled_providers": "litellm" }', /"enabled_providers" in .* is not a list/],
  ])('refuses %s', (_what, text, message) => {
    const result = planConfigUpdate({ existingText: text, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringMatching(message) } });
  });
});

describe('an entry under the same provider id that Switchboard did not write', () => {
  it.each([
    ['settings for one of opencode\'s own providers', { options: { timeout: 600_000 } }],
    ['a provider of another SDK', { npm: '@ai-sdk/anthropic', options: { baseURL: 'https://example.test' } }],
    ['something that is not an object', 'litellm'],
  ])('is never replaced: %s', (_what, entry) => {
    const text = `${JSON.stringify({ provider: { litellm: entry } }, null, 2)}\n`;
    const result = planConfigUpdate({ existingText: text, filePath: FILE, providerId: 'litellm', provider: liteLLM(), modelId: 'gpt-4o' });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'config-invalid',
        message: `"provider.litellm" in ${FILE} is not an OpenAI-compatible entry like the ones Switchboard writes, so Switchboard left the file unchanged rather than replace it. Move or remove that entry by hand, then write again.`,
      },
    });
  });
});

describe('other platforms', () => {
  it('writes an OpenRouter provider and model beside a LiteLLM one', () => {
    const openRouter = buildProviderEntry({ displayName: 'OpenRouter',
      baseURL: 'https://openrouter.ai/api/v1',
      models: [model('openai/gpt-4o-mini', { name: 'OpenAI: GPT-4o-mini', contextLength: 128_000, maxOutputTokens: 16_384, inputCostPerMillion: 0.15, outputCostPerMillion: 0.6 })],
      apiKey: { kind: 'env', variable: apiKeyEnvVariable('openrouter') },
    });
    const first = plan(null).text;
    const result = planConfigUpdate({ existingText: first, filePath: FILE, providerId: 'openrouter', provider: openRouter, modelId: 'openai/gpt-4o-mini' });
    expect(result.ok).toBe(true);
    const config = expectValidOpencodeConfig(result.ok ? result.value.text : '');
    expect(config['model']).toBe('openrouter/openai/gpt-4o-mini');
    expect(Object.keys(config['provider'] as object)).toEqual(['litellm', 'openrouter']);
  });
});
