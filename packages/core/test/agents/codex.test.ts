import { describe, expect, test } from 'vitest';
import { codexProviderId, codexTarget } from '../../src/agents/targets/codex.js';
import { codexEntry, LITELLM_TABLES } from './codex-entry.js';

const FILE = '/home/person/.codex/config.toml';

function write(existing: string | null, overrides: Parameters<typeof codexEntry>[0] = {}): string {
  const result = codexTarget.applyEntry(existing, codexEntry(overrides), FILE);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function failure(existing: string, overrides: Parameters<typeof codexEntry>[0] = {}): string {
  const result = codexTarget.applyEntry(existing, codexEntry(overrides), FILE);
  if (result.ok) throw new Error(`expected a failure, got:\n${result.value}`);
  expect(result.error.kind).toBe('config-invalid');
  return result.error.message;
}

const readEntry = (text: string) => codexTarget.readEntry(text, FILE);

const count = (text: string, part: string): number => text.split(part).length - 1;

// A config a person keeps: offline settings, a profile, another provider with dotted keys and an inline table, comments everywhere.
const PERSONAL = `# My Codex settings
approval_policy = "on-request" # ask first
check_for_update_on_startup = false
features.plugins = false   # dotted, at the top

# Work profile
[profiles.work]
model = "o3"
model_provider = "azure"

[model_providers.azure]
name = "Azure"   # keep this comment
base_url = "https://example.invalid/openai"
env_key = "AZURE_KEY"
http_headers = { "X-Team" = "blue", trace = "on" }

[analytics]
enabled = false
`;

describe('Codex target: a new file', () => {
  test('holds the model, our provider and its table with the key command, nothing else', () => {
    expect(write(null)).toBe(`model = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n${LITELLM_TABLES}`);
  });

  test('an empty or comment-only file gets the same entry, its comments first', () => {
    expect(write('')).toBe(`model = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n${LITELLM_TABLES}`);
    expect(write('# mine\n')).toBe(`# mine\nmodel = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n${LITELLM_TABLES}`);
  });

  test('reads back as the instance and model written', () => {
    expect(readEntry(write(null))).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-5' } });
  });
});

describe('Codex target: a file the person keeps', () => {
  test('top-level keys go after theirs, before the first table; the tables are appended; every other byte stays', () => {
    const expected = PERSONAL.replace('features.plugins = false   # dotted, at the top\n', '$&model = "gpt-5"\nmodel_provider = "switchboard-litellm"\n') + `\n${LITELLM_TABLES}`;
    expect(write(PERSONAL)).toBe(expected);
  });

  test('a second write replaces our table in place, never a second copy, and leaves the rest as the first write did', () => {
    const first = write(PERSONAL);
    const second = write(first, { modelId: 'o4-mini', openAIBaseUrl: 'http://127.0.0.1:5000/v1' });
    expect(count(second, '[model_providers.switchboard-litellm]')).toBe(1);
    expect(count(second, '[model_providers.switchboard-litellm.auth]')).toBe(1);
    expect(second).toBe(first.replace('model = "gpt-5"', 'model = "o4-mini"').replace('127.0.0.1:4000/v1', '127.0.0.1:5000/v1'));
    expect(write(second, { modelId: 'o4-mini', openAIBaseUrl: 'http://127.0.0.1:5000/v1' })).toBe(second);
  });

  test('our table in the middle of the file is replaced where it stands, the tables after it untouched', () => {
    const middle = `model = "old"\nmodel_provider = "switchboard-litellm" # picked in Switchboard\n\n${LITELLM_TABLES.replace('gpt', 'x')}\n# after\n[features]\napps = false\n`;
    const written = write(middle.replace('name = "LiteLLM"', 'name = "Old name"\nrequest_max_retries = 9'));
    expect(written).toBe(`model = "gpt-5"\nmodel_provider = "switchboard-litellm" # picked in Switchboard\n\n${LITELLM_TABLES}\n# after\n[features]\napps = false\n`);
  });

  test('an existing top-level model keeps its place and its comment', () => {
    const text = '# top\nmodel = "o3" # was o3\nsandbox_mode = "read-only"\n\n[tui]\nnotifications = true\n';
    expect(write(text)).toBe(`# top\nmodel = "gpt-5" # was o3\nsandbox_mode = "read-only"\nmodel_provider = "switchboard-litellm"\n\n[tui]\nnotifications = true\n\n${LITELLM_TABLES}`);
  });

  test('a file of tables only gets its top-level keys above the first table and the comment lines stuck to it', () => {
    const text = '# header\n\n# the features\n[features]\napps = false\n';
    expect(write(text)).toBe(`# header\n\nmodel = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n# the features\n[features]\napps = false\n\n${LITELLM_TABLES}`);
  });

  test('a file without a final line end gets one before our tables, nothing else changed', () => {
    expect(write('[tui]\nnotifications = true')).toBe(`model = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n[tui]\nnotifications = true\n\n${LITELLM_TABLES}`);
  });

  test('a Windows (CRLF) file stays CRLF throughout, its own lines unchanged', () => {
    const crlf = PERSONAL.replaceAll('\n', '\r\n');
    const written = write(crlf);
    expect(written.replaceAll('\r\n', '')).not.toContain('\n');
    expect(written).toBe(write(PERSONAL).replaceAll('\n', '\r\n'));
    expect(write(written)).toBe(written);
  });

  test('a file saved with a byte-order mark keeps it, and is read as TOML', () => {
    const bom = `\uFEFF${PERSONAL}`;
    expect(write(bom)).toBe(`\uFEFF${write(PERSONAL)}`);
    expect(readEntry(write(bom))).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-5' } });
  });

  test('our entry written by the person as an inline table or dotted keys is replaced, not duplicated', () => {
    const inline = '[model_providers]\nswitchboard-litellm = { name = "by hand", base_url = "http://x/v1" }\nother = { name = "Other" }\n';
    const fromInline = write(inline);
    expect(fromInline).toBe(`model = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n[model_providers]\nother = { name = "Other" }\n\n${LITELLM_TABLES}`);
    const dotted = 'model_providers.switchboard-litellm.name = "by hand"\nmodel_providers.other.name = "Other"\n';
    expect(write(dotted)).toBe(`model_providers.other.name = "Other"\nmodel = "gpt-5"\nmodel_provider = "switchboard-litellm"\n\n${LITELLM_TABLES}`);
  });

  test('another instance of ours stays, so the person can switch back by hand', () => {
    const openrouter = write(null, { instanceId: 'openrouter', platformName: 'OpenRouter', keyCommand: 'switchboard key openrouter' });
    const both = write(openrouter);
    expect(both).toContain('[model_providers.switchboard-openrouter]');
    expect(readEntry(both)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-5' } });
  });

  test('model_providers written as one inline table cannot take our table: a sentence, the file not written', () => {
    const message = failure('model_providers = { azure = { name = "Azure" } }\n');
    expect(message).toContain(FILE);
    expect(message).toMatch(/line \d+, column \d+/);
    expect(message).toContain('inline table');
  });
});

describe('Codex target: custom headers', () => {
  const headers = [
    { name: 'CF-Access-Client-Id', secret: false as const, value: 'team "7"' },
    { name: 'x team', secret: false as const, value: 'blue' },
    { name: 'CF-Access-Client-Secret', secret: true as const, variable: 'SWITCHBOARD_LITELLM_HEADER_CF_ACCESS_CLIENT_SECRET' },
  ];

  test('a plain one goes in http_headers as typed, a secret one in env_http_headers as its variable; the person\'s lines stay', () => {
    const mine = '# mine\napproval_policy = "never"\n\n[profiles.fast]\nmodel = "o4-mini"\n';
    const text = write(mine, { headers });
    expect(text.startsWith('# mine\napproval_policy = "never"\n')).toBe(true);
    expect(text).toContain('[profiles.fast]\nmodel = "o4-mini"\n');
    expect(text).toContain(
      `${LITELLM_TABLES}\n[model_providers.switchboard-litellm.http_headers]\nCF-Access-Client-Id = "team \\"7\\""\n"x team" = "blue"\n\n` +
        '[model_providers.switchboard-litellm.env_http_headers]\nCF-Access-Client-Secret = "SWITCHBOARD_LITELLM_HEADER_CF_ACCESS_CLIENT_SECRET"\n',
    );
  });

  test('headers taken away leave the file with the next write, and a second write of the same is no change', () => {
    const once = write(null, { headers });
    expect(write(once, { headers })).toBe(once);
    const without = write(once);
    expect(without).not.toContain('http_headers');
    expect(without).toBe(write(null));
  });
});

describe('Codex target: a file that is not TOML', () => {
  const BROKEN: Array<{ name: string; text: string; where: string }> = [
    { name: 'an unclosed string', text: 'model = "gpt\n', where: 'line 1, column 13' },
    { name: 'a key defined twice', text: '[features]\napps = false\n\n[features]\nplugins = false\n', where: 'line 4, column 2' },
    { name: 'a key without a value', text: '# ok\nmodel =\n[tui]\n', where: 'line 3, column 1' },
  ];
  test.each(BROKEN)('$name: left alone, with the file and the line and column', ({ text, where }) => {
    const message = failure(text);
    expect(message).toContain(FILE);
    expect(message).toContain(where);
    const read = readEntry(text);
    expect(read.ok ? null : read.error.message).toBe(message);
  });
});

describe('Codex target: model ids that are hard to write', () => {
  const IDS = ['say "hi"', 'back\\slash', 'C:\\models\\x', 'line\nbreak', 'tab\there', 'nul\u0000byte', 'del\u007F', '"""', "it's", 'a]b[c', '# not a comment', 'ünïcödé/模型', 'x'.repeat(512), '\\u0041'];
  test.each(IDS.map((id) => ({ id, shown: JSON.stringify(id).slice(0, 40) })))('$shown is written as a TOML string that reads back as itself', ({ id }) => {
    const written = write(PERSONAL, { modelId: id, platformName: `Proxy "${id}"` });
    expect(readEntry(written)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: id } });
    expect(written.split('\n').length).toBe(write(PERSONAL).split('\n').length);
  });
});

describe('Codex target: reading the entry', () => {
  const OTHERS: Array<{ name: string; text: string }> = [
    { name: 'no provider chosen', text: 'model = "o3"\n' },
    { name: "someone else's provider", text: `model = "o3"\nmodel_provider = "azure"\n\n${LITELLM_TABLES}` },
    { name: 'our provider named but its table gone', text: 'model = "o3"\nmodel_provider = "switchboard-litellm"\n' },
    { name: 'a provider that only looks like ours', text: 'model = "o3"\nmodel_provider = "switchboard-nope"\n[model_providers.switchboard-nope]\nname = "x"\n' },
  ];
  test.each(OTHERS)('$name: no entry of ours', ({ text }) => {
    expect(readEntry(text)).toEqual({ ok: true, value: null });
  });

  test("a custom endpoint's provider id never lands on one Codex reserves, and reads back as that endpoint", () => {
    expect(codexProviderId('custom:ollama')).toBe('switchboard-custom-ollama');
    const written = write(null, { instanceId: 'custom:ollama', keyCommand: 'switchboard key custom:ollama' });
    expect(written).toContain('[model_providers.switchboard-custom-ollama.auth]\ncommand = "switchboard"\nargs = ["key", "custom:ollama"]');
    expect(readEntry(written)).toEqual({ ok: true, value: { instanceId: 'custom:ollama', modelId: 'gpt-5' } });
  });
});

describe('Codex target: the key command', () => {
  const COMMANDS: Array<{ line: string; command: string; args: string[] }> = [
    { line: 'switchboard key litellm', command: 'switchboard', args: ['key', 'litellm'] },
    { line: '"/Applications/My Tools/switchboard" key litellm', command: '/Applications/My Tools/switchboard', args: ['key', 'litellm'] },
    { line: "node '/opt/switch board/cli.js' key  'custom:my-box'", command: 'node', args: ['/opt/switch board/cli.js', 'key', 'custom:my-box'] },
    { line: 'C:\\\\Tools\\\\switchboard.exe key litellm', command: 'C:\\Tools\\switchboard.exe', args: ['key', 'litellm'] },
    { line: 'pass show litellm | head -n1', command: 'sh', args: ['-c', 'pass show litellm | head -n1'] },
    { line: 'echo "$KEY"', command: 'sh', args: ['-c', 'echo "$KEY"'] },
  ];
  test.each(COMMANDS)('$line runs as $command with its arguments, no shell where none is needed', ({ line, command, args }) => {
    const written = write(null, { keyCommand: line });
    const auth = written.slice(written.indexOf('.auth]'));
    const expected = write(null).slice(write(null).indexOf('.auth]'));
    expect(auth.split('\n').slice(3)).toEqual(expected.split('\n').slice(3));
    expect(readEntry(written).ok).toBe(true);
    const { command: readCommand, args: readArgs } = authOf(written);
    expect({ command: readCommand, args: readArgs }).toEqual({ command, args });
  });
});

function authOf(text: string): { command: unknown; args: unknown } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.endsWith('.auth]'));
  const value = (line: string | undefined): unknown => (line === undefined ? undefined : (JSON.parse(line.slice(line.indexOf('=') + 1)) as unknown));
  return { command: value(lines[at + 1]), args: value(lines[at + 2]) };
}

describe('Codex target: where the file is', () => {
  test('~/.codex/config.toml, or config.toml in CODEX_HOME when that is set', () => {
    expect(codexTarget.defaultPath({}, '/home/p')).toBe('/home/p/.codex/config.toml');
    expect(codexTarget.defaultPath({ CODEX_HOME: '/srv/codex' }, '/home/p')).toBe('/srv/codex/config.toml');
    expect(codexTarget.defaultPath({ CODEX_HOME: '' }, '/home/p')).toBe('/home/p/.codex/config.toml');
    expect(codexTarget.envOverride).toBe('CODEX_HOME');
    expect(codexTarget.needs).toBe('responses');
  });
});
