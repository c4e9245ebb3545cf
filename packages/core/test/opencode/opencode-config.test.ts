import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiKeyEnvVariable } from '../../src/opencode/api-key-env.js';
import { applyOpencodeConfig, previewOpencodeConfig, previewView, type OpencodeConfigRequest } from '../../src/opencode/opencode-config.js';
import { buildProviderEntry } from '../../src/opencode/provider-entry.js';
import { redactSecretsInDiff } from '../../src/opencode/redact-diff.js';
import type { ConfigDiff } from '../../src/opencode/config-diff.js';
import type { ApiKeySource } from '../../src/opencode/types.js';
import { useTempDirs } from '../support/temp-dir.js';
import { unifiedText } from './support/diff-text.js';
import { liteLLMModels } from './support/models.js';
import { expectValidOpencodeConfig } from './support/opencode-schema.js';

const tempDir = useTempDirs();

async function request(apiKey: ApiKeySource = { kind: 'env', variable: apiKeyEnvVariable('litellm') }, name = 'opencode.json'): Promise<OpencodeConfigRequest> {
  const provider = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://localhost:4000/v1', models: liteLLMModels(), apiKey });
  return { filePath: join(await tempDir(), name), providerId: 'litellm', provider, modelId: 'gpt-4o' };
}

async function preview(req: OpencodeConfigRequest) {
  const result = await previewOpencodeConfig(req);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Use This Model, then Write config', () => {
  it('previews without writing anything, then writes exactly what was previewed', async () => {
    const req = await request();
    const planned = await preview(req);
    await expect(fs.stat(req.filePath)).rejects.toThrow(/ENOENT/);
    expect(previewView(planned)).toEqual({ filePath: req.filePath, diff: planned.diff, changed: true, keyInPlainText: false, fingerprint: planned.fingerprint, responsesOnlyLeftOut: [] });

    expect(await applyOpencodeConfig(planned)).toEqual({ ok: true, value: { path: req.filePath, backupPath: null } });
    const written = await fs.readFile(req.filePath, 'utf8');
    expect(written).toBe(planned.text);
    expectValidOpencodeConfig(written);
  });

  it('keeps the previous file as <file>.bak', async () => {
    const req = await request();
    const old = '{\n  "username": "ada"\n}\n';
    await fs.writeFile(req.filePath, old);
    const result = await applyOpencodeConfig(await preview(req));
    expect(result).toEqual({ ok: true, value: { path: req.filePath, backupPath: `${req.filePath}.bak` } });
    expect(await fs.readFile(`${req.filePath}.bak`, 'utf8')).toBe(old);
    expect(expectValidOpencodeConfig(await fs.readFile(req.filePath, 'utf8'))).toMatchObject({ username: 'ada', model: 'litellm/gpt-4o' });
  });

  it('refuses to write when the file changed after the preview', async () => {
    const req = await request();
    const planned = await preview(req);
    await fs.writeFile(req.filePath, '{ "username": "edited meanwhile" }');
    const result = await applyOpencodeConfig(planned);
    expect(result).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringMatching(/changed after the preview/) } });
    expect(await fs.readFile(req.filePath, 'utf8')).toBe('{ "username": "edited meanwhile" }');
  });

  it('leaves a file that cannot be parsed untouched, naming it and the error\'s position', async () => {
    const req = await request(undefined, 'opencode.jsonc');
    const broken = '{\n  "username": "ada",\n  "model": \n}\n';
    await fs.writeFile(req.filePath, broken);
    const result = await previewOpencodeConfig(req);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config-invalid', message: expect.stringContaining(`${req.filePath} is not valid JSON: a value was expected at line 4, column 1`) },
    });
    expect(await fs.readFile(req.filePath, 'utf8')).toBe(broken);
    expect(await fs.readdir(join(req.filePath, '..'))).toEqual(['opencode.jsonc']);
  });

  it('fingerprints the change: the same inputs give the same fingerprint, another file state another', async () => {
    const req = await request();
    const first = await preview(req);
    expect((await preview(req)).fingerprint).toBe(first.fingerprint);
    await fs.writeFile(req.filePath, '{}');
    expect((await preview(req)).fingerprint).not.toBe(first.fingerprint);
  });
});

describe('a key in plain text (explicit opt-in)', () => {
  it('is written owner-only, and flagged in the preview', async () => {
    const req = await request({ kind: 'plain', value: 'sk-secret-123456' });
    await fs.writeFile(req.filePath, '{}');
    await fs.chmod(req.filePath, 0o644);
    const planned = await preview(req);
    expect(planned.keyInPlainText).toBe(true);
    await applyOpencodeConfig(planned);
    expect((await fs.stat(req.filePath)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(req.filePath, 'utf8')).toContain('"apiKey": "sk-secret-123456"');
  });

  it('never reaches the renderer: the preview\'s view masks it in the diff and carries no file text', async () => {
    const req = await request({ kind: 'plain', value: 'sk-secret-123456' });
    await fs.writeFile(req.filePath, '{\n  "provider": { "anthropic": { "options": { "apiKey": "sk-ant-other" } } }\n}\n');
    const view = previewView(await preview(req));
    expect(JSON.stringify(view)).not.toMatch(/sk-secret|sk-ant-other/);
    expect(unifiedText(view.diff)).toContain('"apiKey": "••••••••"');
    expect(view.keyInPlainText).toBe(true);
  });
});

/** One hunk of marker-prefixed lines, as the unified text reads them; written back out the same way. */
const KIND_OF = { '+': 'added', '-': 'removed', ' ': 'context', '\\': 'note' } as const;
function hunkOf(lines: string[]): ConfigDiff {
  const parsed = lines.map((line) => ({ kind: KIND_OF[line.charAt(0) as keyof typeof KIND_OF], text: line.slice(1) }));
  return { oldFileName: 'a.json', newFileName: 'a.json', hunks: [{ oldStart: 1, oldLines: 0, newStart: 1, newLines: 0, lines: parsed }] };
}
const bodyOf = (diff: ConfigDiff) => unifiedText(diff).split('\n').slice(3, -1);

describe('masking secrets in a diff', () => {
  it('masks key-like values but shows {env:…} and {file:…} references', () => {
    const diff = hunkOf([
      '+      "apiKey": "sk-1",',
      '-    "api_key": "abc\\"def",',
      ' "token": "t"',
      '+      "apiKey": "{env:LITELLM_API_KEY}"',
      '+  "keybinds": { "leader": "ctrl+x" },',
      '+  "headers": { "X-Secret-Header": "v" }',
      '+  "model": "litellm/gpt-4o"',
    ]);
    expect(bodyOf(redactSecretsInDiff(diff))).toEqual([
      '+      "apiKey": "••••••••",',
      '-    "api_key": "••••••••",',
      ' "token": "••••••••"',
      '+      "apiKey": "{env:LITELLM_API_KEY}"',
      '+  "keybinds": { "leader": "ctrl+x" },',
      '+  "headers": { "X-Secret-Header": "••••••••" }',
      '+  "model": "litellm/gpt-4o"',
    ]);
  });

  it("shows the command an agent runs for its key (Switchboard's own), and masks any other key helper", () => {
    const diff = hunkOf(['+  "apiKeyHelper": "switchboard key litellm"', '-  "apiKeyHelper": "echo sk-mine-1234"', '+  "apiKeyHelper": "switchboard key custom:lab"']);
    expect(bodyOf(redactSecretsInDiff(diff))).toEqual([
      '+  "apiKeyHelper": "switchboard key litellm"',
      '-  "apiKeyHelper": "••••••••"',
      '+  "apiKeyHelper": "switchboard key custom:lab"',
    ]);
  });

  it('masks a value on the context line after its name, and keeps every line in its place', () => {
    const diff = hunkOf([' "apiKey":', '   "sk-other",', '+  "model": "litellm/gpt-4o"']);
    const masked = redactSecretsInDiff(diff);
    expect(bodyOf(masked)).toEqual([' "apiKey":', '   "••••••••",', '+  "model": "litellm/gpt-4o"']);
    expect(masked.hunks[0]?.lines.map((line) => line.kind)).toEqual(['context', 'context', 'added']);
  });
});
