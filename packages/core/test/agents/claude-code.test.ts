import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEntry } from '../../src/agents/agent-target.js';
import { claudeCodeTarget as claude } from '../../src/agents/targets/claude-code.js';
import { litellmEntry } from './support/agent-entry.js';

const entry: AgentEntry = litellmEntry({ modelId: 'claude-sonnet', smallModelId: 'claude-haiku' });

// A person's settings as Claude Code users keep them: permissions, hooks, their own env, four-space indentation.
const USERS_SETTINGS = `{
    "permissions": {
        "allow": ["Bash(npm run test:*)", "Read(~/.zshrc)"],
        "deny": ["Read(./.env)"]
    },
    "hooks": {
        "PostToolUse": [{ "matcher": "Edit", "hooks": [{ "type": "command", "command": "prettier --write \\"$FILE\\"" }] }]
    },
    "env": {
        "BASH_DEFAULT_TIMEOUT_MS": "60000"
    },
    "includeCoAuthoredBy": false
}
`;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-claude-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function applied(existing: string | null, with_: AgentEntry = entry): string {
  const result = claude.applyEntry(existing, with_, file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("Claude Code's settings.json", () => {
  it('lives in ~/.claude, or in CLAUDE_CONFIG_DIR when that is set', () => {
    expect(claude.defaultPath({}, '/home/ada')).toBe('/home/ada/.claude/settings.json');
    expect(claude.defaultPath({ CLAUDE_CONFIG_DIR: '/srv/claude' }, '/home/ada')).toBe('/srv/claude/settings.json');
    expect(claude.defaultPath({ CLAUDE_CONFIG_DIR: '  ' }, '/home/ada')).toBe('/home/ada/.claude/settings.json');
    expect(claude.envOverride).toBe('CLAUDE_CONFIG_DIR');
    expect(claude.needs).toBe('anthropic-messages');
  });

  it('is created as strict JSON with the proxy root, the models and the key helper', () => {
    const text = applied(null);
    expect(JSON.parse(text)).toEqual({
      env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'claude-sonnet', ANTHROPIC_SMALL_FAST_MODEL: 'claude-haiku' },
      apiKeyHelper: 'switchboard key litellm',
    });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps the user\'s permissions, hooks, env and layout byte for byte, adding only its lines', async () => {
    await writeFile(file, USERS_SETTINGS);
    const text = applied(await readFile(file, 'utf8'));
    await writeFile(file, text);
    const written = await readFile(file, 'utf8');
    expect(JSON.parse(written)).toEqual({
      ...JSON.parse(USERS_SETTINGS),
      env: { BASH_DEFAULT_TIMEOUT_MS: '60000', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'claude-sonnet', ANTHROPIC_SMALL_FAST_MODEL: 'claude-haiku' },
      apiKeyHelper: 'switchboard key litellm',
    });
    // Every line of the user's file is still there, in order; the new ones are indented like the old.
    const added = written.split('\n').filter((line) => !USERS_SETTINGS.split('\n').includes(line));
    expect(added).toEqual([
      '        "BASH_DEFAULT_TIMEOUT_MS": "60000",',
      '        "ANTHROPIC_BASE_URL": "http://127.0.0.1:4000",',
      '        "ANTHROPIC_MODEL": "claude-sonnet",',
      '        "ANTHROPIC_SMALL_FAST_MODEL": "claude-haiku"',
      '    "includeCoAuthoredBy": false,',
      '    "apiKeyHelper": "switchboard key litellm"',
    ]);
    expect(written.startsWith(USERS_SETTINGS.slice(0, USERS_SETTINGS.indexOf('"env"')))).toBe(true);
  });

  it('puts the plain custom headers in env.ANTHROPIC_CUSTOM_HEADERS, one a line, never a secret one, and takes them out when none are left', () => {
    const headers = [
      { name: 'CF-Access-Client-Id', secret: false as const, value: 'team-7.access' },
      { name: 'X-Team', secret: false as const, value: 'blue' },
      { name: 'CF-Access-Client-Secret', secret: true as const, variable: 'SWITCHBOARD_LITELLM_HEADER_CF_ACCESS_CLIENT_SECRET' },
      // A line break (a hand-edited settings file) would add a header of its own.
      { name: 'X-Sneaky', secret: false as const, value: 'a\nAuthorization: Bearer x' },
    ];
    const applied = claude.applyEntry(USERS_SETTINGS, { ...entry, headers }, file);
    if (!applied.ok) throw new Error(applied.error.message);
    const env = (JSON.parse(applied.value) as { env: Record<string, string> }).env;
    expect(env['ANTHROPIC_CUSTOM_HEADERS']).toBe('CF-Access-Client-Id: team-7.access\nX-Team: blue');
    expect(applied.value).not.toContain('CF-Access-Client-Secret');
    expect(applied.value).not.toContain('Sneaky');
    const without = claude.applyEntry(applied.value, entry, file);
    expect(without).toEqual(claude.applyEntry(USERS_SETTINGS, entry, file));
  });

  it('never writes /v1 into the base URL: Claude Code adds /v1/messages itself', () => {
    for (const rootUrl of ['http://127.0.0.1:4000/v1', 'http://127.0.0.1:4000/v1/', 'http://127.0.0.1:4000/']) {
      expect(JSON.parse(applied(null, { ...entry, rootUrl })).env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4000');
    }
  });

  it('removes the small model when none is chosen any more, and changes nothing when written twice', () => {
    const first = applied(USERS_SETTINGS);
    const second = applied(first, { ...entry, smallModelId: null, modelId: 'gpt-4o' });
    expect(JSON.parse(second).env).toEqual({ BASH_DEFAULT_TIMEOUT_MS: '60000', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'gpt-4o' });
    expect(second).not.toContain('ANTHROPIC_SMALL_FAST_MODEL');
    expect(applied(second, { ...entry, smallModelId: null, modelId: 'gpt-4o' })).toBe(second);
    // Back to the first choice: the same text as the first write.
    expect(applied(second)).toBe(first);
  });

  it.each([
    ['a line comment', '{\n  "model": "opus", // mine\n  "env": {}\n}\n', 'line 2, column 20'],
    ['a block comment', '{\n  /* keep */ "env": {}\n}\n', 'line 2, column 3'],
  ])('is refused with %s, with its line and column, since Claude Code would ignore the whole file', (_label, text, where) => {
    const result = claude.applyEntry(text, entry, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('config-invalid');
    expect(result.error.message).toContain(file);
    expect(result.error.message).toContain(`comment at ${where}`);
    expect(result.error.message).toContain('Claude Code ignores');
    expect(claude.readEntry(text, file).ok).toBe(false);
  });

  it('keeps a "//" inside a string, which is not a comment', () => {
    const text = '{\n  "statusLine": { "type": "command", "command": "echo http://x" }\n}\n';
    expect(JSON.parse(applied(text)).statusLine.command).toBe('echo http://x');
  });

  it('refuses a trailing comma with where it is, and broken JSON with where it breaks', () => {
    const comma = claude.applyEntry('{\n  "env": {},\n}\n', entry, file);
    expect(comma.ok || comma.error.message).toMatch(/comma before a closing bracket at line 2, column 12/);
    const broken = claude.applyEntry('{\n  "env": {\n    "A": "1"\n    "B": "2"\n  }\n}\n', entry, file);
    expect(broken.ok || broken.error.message).toBe(
      `${file} is not valid JSON: a comma was expected at line 4, column 5. Switchboard left the file unchanged; fix it (or move it away), then try again.`,
    );
  });

  it('refuses a key left in env, which Claude Code would send instead of the helper\'s, naming the line', () => {
    const text = '{\n  "env": {\n    "ANTHROPIC_AUTH_TOKEN": "sk-old-proxy-key"\n  }\n}\n';
    const result = claude.applyEntry(text, entry, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('env.ANTHROPIC_AUTH_TOKEN (line 3, column 5)');
    expect(result.error.message).not.toContain('sk-old-proxy-key');
  });

  it('refuses an env that is not an object rather than replace it', () => {
    const result = claude.applyEntry('{ "env": ["A=1"] }', entry, file);
    expect(result.ok || result.error.message).toMatch(/"env" in .* is not an object/);
  });

  it('reads its entry back from the key helper and the model', () => {
    expect(claude.readEntry(applied(USERS_SETTINGS), file)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'claude-sonnet' } });
    const custom = applied(null, { ...entry, instanceId: 'custom:my-vllm', keyCommand: '"/opt/Switchboard/switchboard" key custom:my-vllm' });
    expect(claude.readEntry(custom, file)).toEqual({ ok: true, value: { instanceId: 'custom:my-vllm', modelId: 'claude-sonnet' } });
  });

  it.each([
    ['no helper', '{ "env": { "ANTHROPIC_MODEL": "x" } }'],
    ["someone else's helper", '{ "apiKeyHelper": "~/bin/get-key.sh", "env": { "ANTHROPIC_MODEL": "x" } }'],
    ['a helper naming no instance', '{ "apiKeyHelper": "switchboard key NOT-AN-ID", "env": { "ANTHROPIC_MODEL": "x" } }'],
    ['no model', '{ "apiKeyHelper": "switchboard key litellm" }'],
    ['an empty file', ''],
  ])('finds no entry of its own with %s', (_label, text) => {
    expect(claude.readEntry(text, file)).toEqual({ ok: true, value: null });
  });
});
