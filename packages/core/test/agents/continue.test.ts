import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { continueTarget } from '../../src/agents/targets/continue.js';
import { catalogModel, continueEntry, modelsOf, switchboardItems } from './continue-entry.js';

const USER_FILE = `# My Continue config: hand-written, keep my notes
name: My Assistant   # shown in the picker
version: 1.0.0
schema: v1

models:
  # the one I use at work
  - name: Work GPT  # beside the name
    provider: openai
    model: gpt-4o
    apiKey: \${{ secrets.WORK_KEY }}
    roles: [chat, edit]
  - name: Local Llama
    provider: ollama
    model: llama3.1:8b   # quantised
  - uses: anthropic/claude-sonnet-4   # a hub block, no name of its own
    with:
      ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}

context:
  - provider: code
  - provider: docs
    params: { folder: ./docs }   # flow style kept

rules:
  - Always answer in English.
  - name: tests
    rule: |
      Write a test first.
      Then the code.
`;

let folder: string;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Writes a user's file, applies the entry as the Agents tab's Write would, and returns what is on disk. */
async function writeThrough(before: string | null, entry = continueEntry()): Promise<{ path: string; after: string }> {
  folder = await mkdtemp(join(tmpdir(), 'switchboard-continue-'));
  const path = continueTarget.defaultPath({ CONTINUE_GLOBAL_DIR: folder }, '/nowhere');
  if (before !== null) await writeFile(path, before);
  const applied = continueTarget.applyEntry(before === null ? null : await readFile(path, 'utf8'), entry, path);
  if (!applied.ok) throw new Error(applied.error.message);
  await writeFile(path, applied.value);
  return { path, after: await readFile(path, 'utf8') };
}

/** The text with the lines of Switchboard's item taken out (from its `- ` line to the next item or key). */
function withoutOurLines(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*- name: "Switchboard \(/.test(line));
  if (start === -1) return text;
  const indent = lines[start]!.indexOf('-');
  let end = start + 1;
  while (end < lines.length && (lines[end]!.search(/\S/) > indent || lines[end] === '') && !/^\s*#/.test(lines[end]!)) end += 1;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

describe('Continue target: where the file is', () => {
  test('~/.continue/config.yaml, or config.yaml in CONTINUE_GLOBAL_DIR when that is set', () => {
    expect(continueTarget.defaultPath({}, '/home/ann')).toBe('/home/ann/.continue/config.yaml');
    expect(continueTarget.defaultPath({ CONTINUE_GLOBAL_DIR: '/srv/cn' }, '/home/ann')).toBe('/srv/cn/config.yaml');
    expect(continueTarget.defaultPath({ CONTINUE_GLOBAL_DIR: '  ' }, '/home/ann')).toBe('/home/ann/.continue/config.yaml');
  });
});

describe('Continue target: a new file', () => {
  test('starts with the header Continue requires and holds one model item pointing at the platform', async () => {
    const { after } = await writeThrough(null);
    const config = parse(after) as Record<string, unknown>;
    expect(config).toMatchObject({ name: 'Local Config', version: '1.0.0', schema: 'v1' });
    expect(modelsOf(after)).toEqual([
      {
        name: 'Switchboard (litellm)',
        provider: 'openai',
        model: 'gpt-4o',
        apiBase: 'http://127.0.0.1:4000/v1',
        apiKey: '${{ secrets.LITELLM_API_KEY }}',
        roles: ['chat', 'edit', 'apply'],
      },
    ]);
    expect(continueTarget.readEntry(after, 'config.yaml')).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-4o' } });
  });

  test('a file of comments only keeps them above the new content', async () => {
    const { after } = await writeThrough('# set up later\n');
    expect(after.startsWith('# set up later\nname: Local Config\n')).toBe(true);
    expect(switchboardItems(after)).toHaveLength(1);
  });

  test('the key never appears: only the secret reference Continue fills from the environment', async () => {
    const { after } = await writeThrough(null, continueEntry({ keyVariable: 'SWITCHBOARD_MY_VLLM_API_KEY', instanceId: 'custom:my-vllm' }));
    expect(after).toContain('apiKey: "${{ secrets.SWITCHBOARD_MY_VLLM_API_KEY }}"');
    expect(continueTarget.readEntry(after, 'config.yaml')).toEqual({ ok: true, value: { instanceId: 'custom:my-vllm', modelId: 'gpt-4o' } });
  });
});

describe("Continue target: the user's file", () => {
  test('our item goes first (where cn looks for its default) and every other byte stays', async () => {
    const { after } = await writeThrough(USER_FILE);
    expect(withoutOurLines(after)).toBe(USER_FILE);
    expect(modelsOf(after).map((model) => model.name ?? model['uses'])).toEqual(['Switchboard (litellm)', 'Work GPT', 'Local Llama', 'anthropic/claude-sonnet-4']);
    // The comment above the first item stays with that item, above it.
    expect(after).toContain('  # the one I use at work\n  - name: Work GPT  # beside the name\n');
  });

  test('writing again replaces our item in place (another model, another platform), never a second one', async () => {
    const first = await writeThrough(USER_FILE);
    const entry = continueEntry({ instanceId: 'openrouter', platformName: 'OpenRouter', openAIBaseUrl: 'https://openrouter.example/api/v1', modelId: 'anthropic/claude-sonnet-4', keyVariable: 'OPENROUTER_API_KEY' });
    const applied = continueTarget.applyEntry(first.after, entry, first.path);
    expect(applied.ok).toBe(true);
    const after = applied.ok ? applied.value : '';
    expect(switchboardItems(after)).toEqual([expect.objectContaining({ name: 'Switchboard (openrouter)', model: 'anthropic/claude-sonnet-4', apiKey: '${{ secrets.OPENROUTER_API_KEY }}' })]);
    expect(withoutOurLines(after)).toBe(USER_FILE);
    expect(continueTarget.applyEntry(after, entry, first.path)).toEqual({ ok: true, value: after });
  });

  test('an item of ours the user moved and commented is replaced where it is; their comments around it stay', async () => {
    const before = `name: mine
version: 1.0.0
models:
- name: Mine
  model: m
# Switchboard's, from the app
- name: Switchboard (litellm)
  model: old-model   # the old one
  roles: [chat]
# after ours
- name: Last
  model: z
`;
    const { after } = await writeThrough(before, continueEntry({ modelId: 'new-model' }));
    expect(after).toContain("# Switchboard's, from the app\n- name: \"Switchboard (litellm)\"\n");
    expect(after).toContain('# after ours\n- name: Last\n');
    expect(after).not.toContain('old-model');
    expect(modelsOf(after).map((model) => model.name)).toEqual(['Mine', 'Switchboard (litellm)', 'Last']);
  });

  test('the context length and output limit come from the catalog where known, with the abilities Continue cannot guess for an alias', async () => {
    const models = [catalogModel('gpt-4o', { contextLength: 128_000, maxOutputTokens: 16_384, supportsTools: true, supportsVision: true })];
    const { after } = await writeThrough(null, continueEntry({ models }));
    expect(switchboardItems(after)[0]).toMatchObject({ defaultCompletionOptions: { contextLength: 128_000, maxTokens: 16_384 }, capabilities: ['tool_use', 'image_input'] });
    const unknown = await writeThrough(null, continueEntry({ models: [catalogModel('gpt-4o')] }));
    expect(switchboardItems(unknown.after)[0]).not.toHaveProperty('defaultCompletionOptions');
    expect(switchboardItems(unknown.after)[0]).not.toHaveProperty('capabilities');
  });

  test('a file without `name` or `version` gets them (Continue refuses it otherwise); what it had stays', async () => {
    const before = 'models:\n  - name: A\n    model: a\n';
    const { after } = await writeThrough(before);
    expect(parse(after)).toMatchObject({ name: 'Local Config', version: '1.0.0' });
    expect(after.endsWith('name: Local Config\nversion: 1.0.0\n')).toBe(true);
  });

  test('`models:` left empty, or an empty flow list, is filled with our item', async () => {
    for (const before of ['name: a\nversion: 1\nmodels:\nrules: [x]\n', 'name: a\nversion: 1\nmodels: []\nrules: [x]\n', 'name: a\nversion: 1\nmodels: ~   # none yet\n']) {
      const { after } = await writeThrough(before);
      expect(switchboardItems(after)).toHaveLength(1);
      expect(after.startsWith('name: a\nversion: 1\nmodels:')).toBe(true);
    }
  });

  test('a file written with CRLF line ends gets CRLF in our item too, and keeps its byte-order mark', async () => {
    const before = '\uFEFFname: a\r\nversion: 1\r\nmodels:\r\n  - name: Switchboard (litellm)\r\n    model: old\r\n  - name: B\r\n    model: b\r\n';
    const { after } = await writeThrough(before);
    expect(after.startsWith('\uFEFFname: a\r\nversion: 1\r\nmodels:\r\n  - name: "Switchboard (litellm)"\r\n')).toBe(true);
    expect(after.endsWith('      - apply\r\n  - name: B\r\n    model: b\r\n')).toBe(true);
    expect(after.replaceAll('\r\n', '')).not.toContain('\n');
    const fresh = await writeThrough('# mine\r\n');
    expect(fresh.after.replaceAll('\r\n', '')).not.toContain('\n');
  });

  test('layouts it does not splice into (a flow-style top level, a document end marker) keep their values and comments', async () => {
    const flow = await writeThrough('{ name: a, version: 1, models: [ { name: B, model: b } ] }   # all on one line\n');
    expect(flow.after).toContain('# all on one line');
    expect(modelsOf(flow.after).map((model) => model.name)).toEqual(['Switchboard (litellm)', 'B']);
    const ended = await writeThrough('%YAML 1.2\n---\nname: a\nversion: 1\nmodels:\n  - name: B   # mine\n...\n');
    expect(ended.after.startsWith('%YAML 1.2\n---\nname: a\n')).toBe(true);
    expect(ended.after).toContain('# mine');
    expect(modelsOf(ended.after).map((model) => model.name)).toEqual(['Switchboard (litellm)', 'B']);
  });

  test('a flow-style list keeps its style and the other items', async () => {
    const { after } = await writeThrough('name: a\nversion: 1\nmodels: [ { name: A, model: a } ]   # flow\n');
    expect(after).toMatch(/^name: a\nversion: 1\nmodels: \[ \{ name: "Switchboard \(litellm\)", .* \}, \{ name: A, model: a \} \] {3}# flow\n$/);
    const again = continueTarget.applyEntry('name: a\nversion: 1\nmodels: [ {name: A,   model: a}, { name: Switchboard (litellm), model: old },  {name: C} ]   # flow\n', continueEntry(), 'config.yaml');
    expect(again.ok && again.value).toMatch(/^name: a\nversion: 1\nmodels: \[ \{name: A, {3}model: a\}, \{ name: "Switchboard \(litellm\)", .* \}, {2}\{name: C\} \] {3}# flow\n$/);
  });

  test("anchors and aliases in the user's items keep working", async () => {
    const before = 'name: a\nversion: 1\nroles: &mine [chat, edit]\nmodels:\n  - name: Mine\n    model: m\n    roles: *mine\n';
    const { after } = await writeThrough(before);
    expect(withoutOurLines(after)).toBe(before);
    expect(modelsOf(after)[1]).toEqual({ name: 'Mine', model: 'm', roles: ['chat', 'edit'] });
  });

  test('an item of ours that something else refers to by its anchor is not rewritten: the sentence says so', () => {
    const before = 'name: a\nversion: 1\nmodels:\n  - &sb\n    name: Switchboard (litellm)\n    model: m\nspare: *sb\n';
    const applied = continueTarget.applyEntry(before, continueEntry(), '/home/ann/.continue/config.yaml');
    expect(applied).toEqual({ ok: false, error: { kind: 'config-invalid', message: expect.stringContaining('could not place its item in /home/ann/.continue/config.yaml') } });
  });
});

const HOSTILE_IDS = ['yes', 'no', 'on', 'null', '~', 'true', '1e3', '0x1F', '.inf', '- x', '#', '# not a comment', 'a: b', ': ', 'a #b', '[x]', '{x: 1}', '*alias', '&anchor', '!tag', '%TAG', '@at', '`tick`', '"quoted"', "it's", 'back\\slash', 'line\nbreak', ' padded ', 'tab\there', '${{ secrets.OTHER }}', 'модель/версия', 'x'.repeat(400), '---', '...'];

describe('Continue target: model ids YAML would read as something else', () => {
  test.each(HOSTILE_IDS)('%j is written so that Continue reads back the same string', (modelId) => {
    const applied = continueTarget.applyEntry(USER_FILE, continueEntry({ modelId }), 'config.yaml');
    expect(applied.ok).toBe(true);
    const after = applied.ok ? applied.value : '';
    expect(switchboardItems(after)).toEqual([expect.objectContaining({ model: modelId })]);
    expect(continueTarget.readEntry(after, 'config.yaml')).toEqual({ ok: true, value: { instanceId: 'litellm', modelId } });
    expect(withoutOurLines(after)).toBe(USER_FILE);
  });

  test('a user model named like ours but not ours (no instance in it) is left alone', () => {
    const before = 'name: a\nversion: 1\nmodels:\n  - name: Switchboard (not an instance!)\n    model: m\n';
    const applied = continueTarget.applyEntry(before, continueEntry(), 'config.yaml');
    expect(applied.ok && modelsOf(applied.value).map((model) => model.name)).toEqual(['Switchboard (litellm)', 'Switchboard (not an instance!)']);
    expect(continueTarget.readEntry(before, 'config.yaml')).toEqual({ ok: true, value: null });
  });
});

/** Ten levels of nine aliases each: 9^10 strings once expanded. */
function billionLaughs(): string {
  let text = 'name: a\nversion: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let level = 1; level < 10; level += 1) text += `l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]\n`;
  return `${text}models: []\n`;
}

const BROKEN: Array<{ name: string; text: string; says: RegExp }> = [
  { name: 'a key twice', text: 'name: a\nversion: 1\nname: b\n', says: /twice.*line 3, column 1/ },
  { name: 'two documents', text: 'name: a\n---\nname: b\n', says: /more than one YAML document.*line 2, column 1/ },
  { name: 'an unclosed quote', text: 'name: "a\nversion: 1\n', says: /line \d+, column \d+/ },
  { name: 'a tab as indentation', text: 'models:\n\t- name: a\n', says: /tab.*line 2, column 1/ },
  { name: 'a flow list never closed', text: 'models: [ {name: a}\nversion: 1\n', says: /line \d+, column \d+/ },
  { name: 'an alias to no anchor', text: 'name: a\nversion: 1\nmodels: *nothing\n', says: /\*nothing refers to no anchor at line 3, column 9/ },
  { name: 'nesting past any config', text: `models: ${'['.repeat(5000)}`, says: /deeper than any config|line \d+, column \d+/ },
  { name: 'aliases nested into a billion laughs', text: billionLaughs(), says: /repeats its aliases/ },
  { name: 'a list at the top', text: '- name: a\n', says: /does not hold a mapping at its top/ },
  { name: '`models` that is not a list', text: 'name: a\nmodels: gpt-4o\n', says: /`models:` that is not a list/ },
];

describe('Continue target: a file it cannot read exactly is left alone', () => {
  test.each(BROKEN)('$name: config-invalid naming the file and where', ({ text, says }) => {
    const path = '/home/ann/.continue/config.yaml';
    for (const result of [continueTarget.applyEntry(text, continueEntry(), path), ...(/top|not a list/.test(says.source) ? [] : [continueTarget.readEntry(text, path)])]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind).toBe('config-invalid');
      expect(result.error.message).toContain(path);
      expect(result.error.message).toMatch(says);
    }
  });
});
