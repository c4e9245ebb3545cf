import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEntry } from '../../src/agents/agent-target.js';
import { qwenCodeTarget as qwen } from '../../src/agents/targets/qwen-code.js';
import { litellmEntry } from './support/agent-entry.js';

const entry: AgentEntry = litellmEntry({ modelId: 'qwen3-coder' });

// Qwen Code's own layout (version 4, which it writes itself), with a person's comments and settings.
const USERS_SETTINGS = `{
  "$version": 4,
  // Dark, always.
  "ui": {
    "theme": "GitHub Dark" /* the only readable one */
  },
  "general": {
    "disableAutoUpdate": true
  },
  "mcpServers": {
    "docs": { "command": "npx", "args": ["-y", "docs-mcp"] }
  }
}
`;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-qwen-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function applied(existing: string | null, with_: AgentEntry = entry): string {
  const result = qwen.applyEntry(existing, with_, file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("Qwen Code's settings.json", () => {
  it('lives in ~/.qwen, or in QWEN_HOME as Qwen Code reads it', () => {
    expect(qwen.defaultPath({}, '/home/ada')).toBe('/home/ada/.qwen/settings.json');
    expect(qwen.defaultPath({ QWEN_HOME: '/srv/qwen' }, '/home/ada')).toBe('/srv/qwen/settings.json');
    expect(qwen.defaultPath({ QWEN_HOME: '~/qwen-work' }, '/home/ada')).toBe('/home/ada/qwen-work/settings.json');
    expect(qwen.defaultPath({ QWEN_HOME: '~' }, '/home/ada')).toBe('/home/ada/settings.json');
    expect(qwen.defaultPath({ QWEN_HOME: 'rel' }, '/home/ada')).toBe(resolve('rel', 'settings.json'));
    expect(qwen.envOverride).toBe('QWEN_HOME');
    expect(qwen.needs).toBe('chat-completions');
  });

  it('is created with the OpenAI-compatible sign-in, the model and the instance, and no key or URL', () => {
    const text = applied(null);
    expect(JSON.parse(text)).toEqual({ security: { auth: { selectedType: 'openai' } }, model: { name: 'qwen3-coder' }, env: { SWITCHBOARD_INSTANCE: 'litellm' } });
    expect(text).not.toMatch(/apiKey|baseUrl|127\.0\.0\.1/);
  });

  it("keeps the user's comments, $version and settings byte for byte", async () => {
    await writeFile(file, USERS_SETTINGS);
    await writeFile(file, applied(await readFile(file, 'utf8')));
    const written = await readFile(file, 'utf8');
    // The user's text is all there, unchanged, up to where Switchboard's properties begin.
    expect(written.startsWith(USERS_SETTINGS.slice(0, USERS_SETTINGS.lastIndexOf('\n  }\n}')))).toBe(true);
    expect(written).toContain('// Dark, always.');
    expect(written).toContain('/* the only readable one */');
    expect(parse(written)).toEqual({ ...parse(USERS_SETTINGS), security: { auth: { selectedType: 'openai' } }, model: { name: 'qwen3-coder' }, env: { SWITCHBOARD_INSTANCE: 'litellm' } });
  });

  it("sets only its keys inside objects the user already has, keeping the user's others", () => {
    const text = '{\n  "$version": 4,\n  "security": { "auth": { "selectedType": "qwen-oauth", "useExternal": false } },\n  "model": {\n    "name": "coder-model",\n    "maxSessionTurns": 40\n  }\n}\n';
    const written = applied(text);
    expect(parse(written)).toEqual({
      $version: 4,
      security: { auth: { selectedType: 'openai', useExternal: false } },
      model: { name: 'qwen3-coder', maxSessionTurns: 40 },
      env: { SWITCHBOARD_INSTANCE: 'litellm' },
    });
    expect(written).toContain('"maxSessionTurns": 40');
    expect(applied(written)).toBe(written);
  });

  it("refuses a file in Qwen Code's older layout, which Qwen would rewrite over Switchboard's entry", () => {
    for (const text of ['{ "selectedAuthType": "qwen-oauth" }', '{ "model": "qwen3-coder-plus", "theme": "Default" }']) {
      const result = qwen.applyEntry(text, entry, file);
      expect(result.ok || result.error.message).toMatch(/older settings layout .*start qwen once/);
    }
    // The same keys in a file that says it is version 2 or later are not the old layout.
    expect(qwen.applyEntry('{ "$version": 3, "model": {} }', entry, file).ok).toBe(true);
  });

  it('refuses a trailing comma (Qwen parses the file with JSON.parse once comments are gone), with where it is', () => {
    const result = qwen.applyEntry('{\n  // mine\n  "ui": { "theme": "x", },\n}\n', entry, file);
    expect(result.ok || result.error.message).toMatch(/comma before a closing bracket at line 3, column 23/);
  });

  it('reads its entry back; another sign-in, or no instance, is not its entry', () => {
    expect(qwen.readEntry(applied(USERS_SETTINGS), file)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'qwen3-coder' } });
    expect(qwen.readEntry('{ "security": { "auth": { "selectedType": "qwen-oauth" } }, "model": { "name": "coder-model" }, "env": { "SWITCHBOARD_INSTANCE": "litellm" } }', file)).toEqual({ ok: true, value: null });
    expect(qwen.readEntry('{ "security": { "auth": { "selectedType": "openai" } }, "model": { "name": "gpt-4o" } }', file)).toEqual({ ok: true, value: null });
    expect(qwen.readEntry('{ "x": 1 /* unclosed', file).ok).toBe(false);
  });
});
