import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { planAgentFile, readAgentFile, writeAgentFile } from '../../src/agents/agent-file.js';
import { kiloTarget } from '../../src/agents/targets/kilo.js';
import { useTempDirs } from '../support/temp-dir.js';
import { litellmEntry, model } from './support/agent-entry.js';

const tempDir = useTempDirs();

// A Kilo config as a person keeps it: comments, another provider, Kilo's own settings, their own enabled list.
const USER_FILE = `{
  // my local models
  "provider": {
    "ollama": {
      "npm": "@ai-sdk/openai-compatible",
      "options": { "baseURL": "http://127.0.0.1:11434/v1" },
      "models": { "qwen3": {} }
    }
  },
  "permission": { "bash": "allow" }, /* Kilo added this itself */
  "enabled_providers": ["ollama"],
  "theme": "dark",
}
`;

async function kiloFile(text: string | null): Promise<string> {
  const dir = await tempDir();
  const file = join(dir, 'kilo', 'kilo.jsonc');
  if (text !== null) {
    await mkdir(join(dir, 'kilo'), { recursive: true });
    await writeFile(file, text);
  }
  return file;
}

/** Writes the entry the way agents:write does: plan from the file on disk, then the atomic write. */
async function writeEntry(file: string, entry = litellmEntry()): Promise<string> {
  const plan = await planAgentFile(kiloTarget, file, entry);
  if (!plan.ok) throw new Error(plan.error.message);
  const written = await writeAgentFile(kiloTarget, plan.value);
  if (!written.ok) throw new Error(written.error.message);
  return readFile(file, 'utf8');
}

describe('Kilo target', () => {
  it('finds kilo.jsonc when it exists, kilo.json otherwise, under XDG_CONFIG_HOME or ~/.config', async () => {
    const dir = await tempDir();
    expect(kiloTarget.defaultPath({}, '/home/ana')).toBe('/home/ana/.config/kilo/kilo.json');
    expect(kiloTarget.defaultPath({ XDG_CONFIG_HOME: dir }, '/home/ana')).toBe(join(dir, 'kilo', 'kilo.json'));
    await mkdir(join(dir, 'kilo'));
    await writeFile(join(dir, 'kilo', 'kilo.jsonc'), '{}');
    expect(kiloTarget.defaultPath({ XDG_CONFIG_HOME: dir }, '/home/ana')).toBe(join(dir, 'kilo', 'kilo.jsonc'));
  });

  it('writes the file KILO_CONFIG names, which Kilo reads after its global config and lets win, and says the variable is set', async () => {
    const dir = await tempDir();
    expect(kiloTarget.envOverride).toBe('KILO_CONFIG');
    expect(kiloTarget.defaultPath({ KILO_CONFIG: join(dir, 'team.json'), XDG_CONFIG_HOME: dir }, '/home/ana')).toBe(join(dir, 'team.json'));
    // Kilo opens a relative path from the folder it runs in; blank is unset.
    expect(kiloTarget.defaultPath({ KILO_CONFIG: 'team.json' }, '/home/ana')).toBe(join(process.cwd(), 'team.json'));
    expect(kiloTarget.defaultPath({ KILO_CONFIG: '  ' }, '/home/ana')).toBe('/home/ana/.config/kilo/kilo.json');
  });

  it('creates a new file with the provider, the model and enabled_providers naming it, the key as {env:…}, no opencode $schema', async () => {
    const file = await kiloFile(null);
    const text = await writeEntry(file);
    const config = JSON.parse(text) as Record<string, unknown>;
    expect(config).toEqual({
      provider: {
        litellm: {
          npm: '@ai-sdk/openai-compatible',
          name: 'LiteLLM',
          options: { baseURL: 'http://127.0.0.1:4000/v1', apiKey: '{env:LITELLM_API_KEY}' },
          models: { 'gpt-4o': { name: 'gpt-4o', limit: { context: 128_000, output: 16_384 } }, 'gpt-4o-mini': { name: 'gpt-4o-mini' } },
        },
      },
      model: 'litellm/gpt-4o',
      enabled_providers: ['litellm'],
    });
    expect(await readAgentFile(kiloTarget, file)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-4o' } });
  });

  it('keeps comments, the other provider, Kilo\'s settings and their enabled ids byte for byte, adding ours to the list', async () => {
    const file = await kiloFile(USER_FILE);
    const text = await writeEntry(file, litellmEntry({ smallModelId: 'gpt-4o-mini' }));
    for (const kept of [
      '  // my local models\n',
      '    "ollama": {\n      "npm": "@ai-sdk/openai-compatible",\n      "options": { "baseURL": "http://127.0.0.1:11434/v1" },\n      "models": { "qwen3": {} }\n    }',
      '"permission": { "bash": "allow" }, /* Kilo added this itself */\n',
      '"theme": "dark",\n',
    ]) {
      expect(text).toContain(kept);
    }
    expect(text).toContain('"enabled_providers": ["ollama", "litellm"]');
    const config = parse(text) as Record<string, unknown>;
    expect(config).toMatchObject({ model: 'litellm/gpt-4o', small_model: 'litellm/gpt-4o-mini' });
    // The previous file is kept beside it.
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(USER_FILE);
  });

  it('keeps a comment inside a one-line object, which is otherwise laid out again', async () => {
    const file = await kiloFile('{ "theme": "dark" /* my theme */ }\n');
    const text = await writeEntry(file);
    expect(text).toContain('"theme": "dark", /* my theme */');
    expect(parse(text)).toMatchObject({ theme: 'dark', model: 'litellm/gpt-4o', enabled_providers: ['litellm'] });
  });

  it('writes the same text again for the same choice: a second write changes nothing', async () => {
    const file = await kiloFile(USER_FILE);
    const once = await writeEntry(file);
    const plan = await planAgentFile(kiloTarget, file, litellmEntry());
    expect(plan.ok && plan.value.text).toBe(once);
  });

  it.each([
    ['a missing comma', '{\n  "theme": "dark"\n  "model": "x/y"\n}\n', /is not valid JSON: a comma was expected at line 3, column 3/],
    ['a key twice', '{\n  "model": "a/b",\n  "model": "litellm/x"\n}\n', /has the key "model" twice in one object \(at line 2, column 3 and line 3, column 3\)/],
    ['a list at the top', '[1, 2]\n', /does not hold a JSON object at the top level/],
    ['someone else\'s litellm entry', '{ "provider": { "litellm": { "npm": "@ai-sdk/anthropic" } } }', /"provider\.litellm" in .* is not an OpenAI-compatible entry/],
  ])('leaves a file with %s alone, with a sentence naming the file and where', async (_what, text, sentence) => {
    const file = await kiloFile(text);
    const plan = await planAgentFile(kiloTarget, file, litellmEntry());
    expect(plan).toMatchObject({ ok: false, error: { kind: 'config-invalid' } });
    expect(!plan.ok && plan.error.message).toMatch(sentence);
    expect(!plan.ok && plan.error.message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it.each([
    ['no model', '{ "theme": "dark" }', null],
    ['a model of a provider that is not ours', '{ "model": "anthropic/claude-sonnet-4" }', null],
    ['our provider id without our entry (Kilo\'s own OpenRouter)', '{ "model": "openrouter/gpt-4o" }', null],
    [
      'a custom endpoint\'s entry',
      '{ "provider": { "lab-vllm": { "npm": "@ai-sdk/openai-compatible" } }, "model": "lab-vllm/Qwen/Qwen3-Coder" }',
      { instanceId: 'custom:lab-vllm', modelId: 'Qwen/Qwen3-Coder' },
    ],
  ])('reads the entry from a file with %s', (_what, text, entry) => {
    expect(kiloTarget.readEntry(text, '/x/kilo.json')).toEqual({ ok: true, value: entry });
  });

  it('refuses a model that only speaks the Responses API, which Kilo\'s provider cannot call, naming it', async () => {
    const file = await kiloFile(null);
    const entry = litellmEntry({ modelId: 'o1-pro', models: [...litellmEntry().models, model('o1-pro', { mode: 'responses' })] });
    const plan = await planAgentFile(kiloTarget, file, entry);
    expect(!plan.ok && plan.error.message).toMatch(/"o1-pro" speaks only the Responses API/);
  });
});
