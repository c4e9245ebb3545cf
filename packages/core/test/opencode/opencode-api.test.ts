import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { defaultDeployments, startLiteLLMServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';
import { expectValidOpencodeConfig } from './support/opencode-schema.js';
import { unifiedText } from './support/diff-text.js';

const KEY = 'sk-master-1234';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// The proxy's config says mode "responses" for it, as LiteLLM's map does for o1-pro.
const RESPONSES_ONLY = { model_name: 'o1-pro', litellm_params: { model: 'openai/o1-pro', api_key: 'x' }, model_info: { mode: 'responses' } };

async function setup(options: { responsesOnly?: boolean } = {}): Promise<{ api: SwitchboardApi; file: string; dir: string; proxy: RunningServer }> {
  const proxy = await startLiteLLMServer(options.responsesOnly ? { deployments: [...defaultDeployments(), RESPONSES_ONLY] } : {});
  servers.push(proxy);
  const dir = await tempDir();
  const file = join(dir, 'opencode', 'opencode.json');
  const api = createApi({
    userDataDir: join(dir, 'user-data'),
    secrets: memorySecretStore(),
    env: { SWITCHBOARD_OPENCODE_CONFIG: file, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${proxy.url}/no-map` },
  });
  return { api, file, dir, proxy };
}

async function useModel(api: SwitchboardApi, url: string, model = 'gpt-4o') {
  await api['litellm:test-connection']({ url, key: { mode: 'provided', value: KEY } });
  const saved = await api['litellm:set-config']({ url, key: { mode: 'provided', value: KEY }, selectedModel: model });
  expect(saved.ok).toBe(true);
}

describe('writing opencode config through the API', () => {
  it('asks for a chosen model before it can preview anything', async () => {
    const { api } = await setup();
    expect(await api['opencode:preview']({ instanceId: 'litellm' })).toMatchObject({ ok: false, error: { kind: 'not-configured' } });
  });

  it('previews the change as a diff without writing, then writes exactly that, with the key as an env reference', async () => {
    const { api, file, proxy } = await setup();
    await useModel(api, proxy.url);
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ filePath: file, changed: true, keyInPlainText: false });
    expect(unifiedText(preview.value.diff)).toContain('+  "model": "litellm/gpt-4o"');
    expect(unifiedText(preview.value.diff)).toContain('{env:LITELLM_API_KEY}');
    await expect(stat(file)).rejects.toThrow();

    const written = await api['opencode:write']({ instanceId: 'litellm', fingerprint: preview.value.fingerprint });
    expect(written).toMatchObject({ ok: true, value: { path: file, settings: { sync: true } } });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(KEY);
    const config = expectValidOpencodeConfig(text);
    expect(config).toMatchObject({
      model: 'litellm/gpt-4o',
      provider: {
        litellm: {
          npm: '@ai-sdk/openai-compatible',
          options: { baseURL: `${proxy.url}/v1`, apiKey: '{env:LITELLM_API_KEY}' },
          models: { 'gpt-4o': { limit: { context: 128_000, output: 16_384 } } },
        },
      },
    });
  });

  it('refuses to write a change other than the one reviewed, and keeps a backup of the previous file', async () => {
    const { api, file, proxy } = await setup();
    await useModel(api, proxy.url);
    const first = await api['opencode:preview']({ instanceId: 'litellm' });
    if (!first.ok) throw new Error(first.error.message);
    await api['opencode:write']({ instanceId: 'litellm', fingerprint: first.value.fingerprint });
    const before = await readFile(file, 'utf8');

    await useModel(api, proxy.url, 'claude-3-5-sonnet');
    const stale = await api['opencode:write']({ instanceId: 'litellm', fingerprint: first.value.fingerprint });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'config-write' } });
    expect(await readFile(file, 'utf8')).toBe(before);

    const synced = await api['opencode:write']({ instanceId: 'litellm', fingerprint: null });
    expect(synced).toMatchObject({ ok: true, value: { backupPath: `${file}.bak` } });
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(before);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ model: 'litellm/claude-3-5-sonnet' });
  });

  it('writes the key itself only on opt-in, and then makes the file owner-only', async () => {
    const { api, file, proxy } = await setup();
    await useModel(api, proxy.url);
    await api['opencode:set-settings']({ writeKeyInFile: true });
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(preview).toMatchObject({ ok: true, value: { keyInPlainText: true } });
    expect(preview.ok && unifiedText(preview.value.diff)).not.toContain(KEY);
    await api['opencode:write']({ instanceId: 'litellm', fingerprint: null });
    expect(await readFile(file, 'utf8')).toContain(KEY);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves a file it cannot parse untouched, naming where the error is', async () => {
    const { api, file, proxy, dir } = await setup();
    await useModel(api, proxy.url);
    await mkdir(join(dir, 'opencode'), { recursive: true });
    await writeFile(file, '{\n  "model": "a",\n  oops\n}\n');
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(preview).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringMatching(/line 3/) } });
    expect(await api['opencode:write']({ instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: false });
    expect(await readFile(file, 'utf8')).toBe('{\n  "model": "a",\n  oops\n}\n');
    expect((await readdir(join(dir, 'opencode'))).sort()).toEqual(['opencode.json']);
  });

  it('remembers a small model per platform and writes it as small_model, leaving out one the platform no longer lists', async () => {
    const { api, file, proxy } = await setup();
    await useModel(api, proxy.url);
    const chosen = await api['opencode:set-settings']({ smallModel: { instanceId: 'litellm', model: 'fake-up' } });
    expect(chosen).toMatchObject({ ok: true, value: { smallModels: { litellm: 'fake-up' } } });
    await api['opencode:write']({ instanceId: 'litellm', fingerprint: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ model: 'litellm/gpt-4o', small_model: 'litellm/fake-up' });

    await api['opencode:set-settings']({ smallModel: { instanceId: 'litellm', model: 'retired-model' } });
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(preview.ok).toBe(true);
    expect(preview.ok && unifiedText(preview.value.diff)).not.toContain('retired-model');
  });

  it('leaves a Responses-only model out by default and says so in the preview; a chosen one is refused with the way out', async () => {
    const { api, file, proxy } = await setup({ responsesOnly: true });
    await useModel(api, proxy.url);
    expect(await api['opencode:get-settings'](undefined)).toMatchObject({ writeResponsesOnly: false });
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(preview).toMatchObject({ ok: true, value: { responsesOnlyLeftOut: ['o1-pro'] } });
    expect(preview.ok && unifiedText(preview.value.diff)).not.toContain('o1-pro');
    // Neither as the small model: the select and the written entry follow one rule.
    await api['opencode:set-settings']({ smallModel: { instanceId: 'litellm', model: 'o1-pro' } });
    await api['opencode:write']({ instanceId: 'litellm', fingerprint: null });
    expect(await readFile(file, 'utf8')).not.toContain('o1-pro');

    await useModel(api, proxy.url, 'o1-pro');
    const refused = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringContaining('speaks only the Responses API') } });
    const before = await readFile(file, 'utf8');
    expect(await api['opencode:write']({ instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: false });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('writes Responses-only models with @ai-sdk/openai once the user asks for them', async () => {
    const { api, file, proxy } = await setup({ responsesOnly: true });
    await useModel(api, proxy.url, 'o1-pro');
    expect(await api['opencode:set-settings']({ writeResponsesOnly: true })).toMatchObject({ ok: true, value: { writeResponsesOnly: true } });
    const preview = await api['opencode:preview']({ instanceId: 'litellm' });
    expect(preview).toMatchObject({ ok: true, value: { responsesOnlyLeftOut: [] } });
    await api['opencode:write']({ instanceId: 'litellm', fingerprint: null });
    expect(expectValidOpencodeConfig(await readFile(file, 'utf8'))).toMatchObject({
      model: 'litellm/o1-pro',
      provider: { litellm: { npm: '@ai-sdk/openai-compatible', models: { 'o1-pro': { provider: { npm: '@ai-sdk/openai' } } } } },
    });
  });

  it('writes a custom endpoint under its own id and key variable', async () => {
    const { api, file, proxy } = await setup();
    const saved = await api['custom:save-endpoint']({ name: 'My vLLM', url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    expect(saved.ok).toBe(true);
    await api['opencode:write']({ instanceId: 'custom:my-vllm', fingerprint: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      model: 'my-vllm/gpt-4o',
      provider: { 'my-vllm': { name: 'My vLLM', options: { apiKey: '{env:SWITCHBOARD_MY_VLLM_API_KEY}' } } },
    });
  });
});
