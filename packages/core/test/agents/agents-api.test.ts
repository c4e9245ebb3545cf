import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, startOpenRouterServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { missingApi } from '../../src/agents/platform-apis.js';
import { kiloTarget } from '../../src/agents/targets/kilo.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const KEY = 'sk-master-1234';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup() {
  const proxy = await startLiteLLMServer();
  servers.push(proxy);
  const home = await tempDir();
  const bin = join(home, 'bin');
  await mkdir(bin);
  const env = { XDG_CONFIG_HOME: join(home, '.config'), PATH: `relative/bin:${bin}`, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${proxy.url}/no-map` };
  const api = createApi({ userDataDir: join(home, 'user-data'), secrets: memorySecretStore(), env, overrides: { home } });
  const kiloFile = join(home, '.config', 'kilo', 'kilo.json');
  return { api, proxy, home, bin, kiloFile };
}

async function useModel(api: SwitchboardApi, url: string, model: string) {
  await api['litellm:test-connection']({ url, key: { mode: 'provided', value: KEY } });
  expect(await api['litellm:set-config']({ url, key: { mode: 'provided', value: KEY }, selectedModel: model })).toMatchObject({ ok: true });
}

const kiloView = async (api: SwitchboardApi) => (await api['agents:list'](undefined)).find((view) => view.id === 'kilo');

describe('the agents channels', () => {
  it('list each registered agent with its resolved file, whether its command is on PATH, and no entry yet', async () => {
    const { api, home, bin, kiloFile } = await setup();
    const before = await kiloView(api);
    expect(before).toMatchObject({
      configPath: kiloFile,
      chosenPath: null,
      envOverride: { name: 'KILO_CONFIG', active: false },
      installed: { found: false, command: 'kilo', path: null },
      needs: 'chat-completions',
      entry: null,
      fileProblem: null,
      sync: false,
    });
    // A command found on PATH (never run): an executable file; a plain file of that name does not count.
    await writeFile(join(home, 'kilo'), '');
    await writeFile(join(bin, 'kilo'), '#!/bin/sh\nexit 0\n');
    expect((await kiloView(api))?.installed.found).toBe(false);
    await chmod(join(bin, 'kilo'), 0o755);
    expect((await kiloView(api))?.installed).toEqual({ found: true, command: 'kilo', path: join(bin, 'kilo') });
    const ids = (await api['agents:list'](undefined)).map((view) => view.id);
    expect(ids.slice(0, 2)).toEqual(['opencode', 'kilo']);
  });

  it('preview a masked diff, write exactly what was reviewed (the .bak kept), refuse a stale fingerprint, and turn sync on', async () => {
    const { api, proxy, kiloFile } = await setup();
    await useModel(api, proxy.url, 'gpt-4o');
    await mkdir(join(kiloFile, '..'), { recursive: true });
    const original = '{\n  // mine\n  "theme": "dark"\n}\n';
    await writeFile(kiloFile, original);
    const preview = await api['agents:preview']({ agentId: 'kilo', instanceId: 'litellm' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ filePath: kiloFile, changed: true });
    expect(JSON.stringify(preview.value.diff)).toContain('{env:LITELLM_API_KEY}');
    expect(JSON.stringify(preview.value.diff)).not.toContain(KEY);
    expect(await readFile(kiloFile, 'utf8')).toBe(original);

    // The file changes after the preview: the reviewed change is no longer what would be written.
    await writeFile(kiloFile, '{\n  // mine\n  "theme": "light"\n}\n');
    const stale = await api['agents:write']({ agentId: 'kilo', instanceId: 'litellm', fingerprint: preview.value.fingerprint });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'config-write' } });
    expect(!stale.ok && stale.error.message).toMatch(/would change differently from what you reviewed/);

    const again = await api['agents:preview']({ agentId: 'kilo', instanceId: 'litellm' });
    if (!again.ok) throw new Error(again.error.message);
    const written = await api['agents:write']({ agentId: 'kilo', instanceId: 'litellm', fingerprint: again.value.fingerprint });
    expect(written).toMatchObject({ ok: true, value: { path: kiloFile, backupPath: `${kiloFile}.bak`, agent: { entry: { instanceId: 'litellm', modelId: 'gpt-4o' }, sync: true } } });
    const text = await readFile(kiloFile, 'utf8');
    expect(text).toContain('// mine\n  "theme": "light"');
    expect(text).not.toContain(KEY);
    expect(await readFile(`${kiloFile}.bak`, 'utf8')).toBe('{\n  // mine\n  "theme": "light"\n}\n');
  });

  it('keep an agent in sync after Use This Model when its entry points at that platform, and leave it when sync is off', async () => {
    const { api, proxy, kiloFile } = await setup();
    await useModel(api, proxy.url, 'gpt-4o');
    expect(await api['agents:write']({ agentId: 'kilo', instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true });
    await useModel(api, proxy.url, 'local-llama');
    expect(await readFile(kiloFile, 'utf8')).toContain('"model": "litellm/local-llama"');
    expect(await kiloView(api)).toMatchObject({ entry: { instanceId: 'litellm', modelId: 'local-llama' }, fileProblem: null });

    // A sync that cannot be written is said in the Agents tab, and the file stays as it was.
    await useModel(api, proxy.url, 'no-such-model');
    expect((await kiloView(api))?.fileProblem).toMatch(/^Keeping Kilo Code CLI in sync failed: "no-such-model" is not one of the chat models of LiteLLM/);
    expect(await readFile(kiloFile, 'utf8')).toContain('"model": "litellm/local-llama"');

    expect(await api['agents:set-settings']({ agentId: 'kilo', sync: false })).toMatchObject({ ok: true, value: { sync: false } });
    await useModel(api, proxy.url, 'gpt-4o');
    expect(await readFile(kiloFile, 'utf8')).toContain('"model": "litellm/local-llama"');
  });

  it('leave an agent whose file points at another platform as the user set it, even with sync on', async () => {
    const { api, proxy, kiloFile } = await setup();
    await mkdir(join(kiloFile, '..'), { recursive: true });
    const theirs = '{ "provider": { "lab": { "npm": "@ai-sdk/openai-compatible" } }, "model": "lab/qwen" }\n';
    await writeFile(kiloFile, theirs);
    await api['agents:set-settings']({ agentId: 'kilo', sync: true });
    await useModel(api, proxy.url, 'gpt-4o');
    expect(await readFile(kiloFile, 'utf8')).toBe(theirs);
  });

  it('say what is wrong with a file that cannot be parsed, in the list, with the line and column, and write nothing', async () => {
    const { api, proxy, kiloFile } = await setup();
    await useModel(api, proxy.url, 'gpt-4o');
    await mkdir(join(kiloFile, '..'), { recursive: true });
    await writeFile(kiloFile, '{\n  "theme": "dark",,\n}\n');
    expect((await kiloView(api))?.fileProblem).toMatch(/kilo\.json is not valid JSON: .* at line 2, column 19/);
    const write = await api['agents:write']({ agentId: 'kilo', instanceId: 'litellm', fingerprint: null });
    expect(write).toMatchObject({ ok: false, error: { kind: 'config-invalid' } });
    expect(await readFile(kiloFile, 'utf8')).toBe('{\n  "theme": "dark",,\n}\n');
  });

  it('take a chosen path (from ~), and refuse a folder there with a sentence', async () => {
    const { api, home } = await setup();
    const chosen = await api['agents:set-settings']({ agentId: 'kilo', configPath: '~/work/kilo.jsonc' });
    expect(chosen).toMatchObject({ ok: true, value: { configPath: join(home, 'work', 'kilo.jsonc'), chosenPath: '~/work/kilo.jsonc' } });
    await mkdir(join(home, 'a-folder'));
    const refused = await api['agents:set-settings']({ agentId: 'kilo', configPath: join(home, 'a-folder') });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toContain(join(home, 'a-folder'));
  });

  it('go through opencode\'s own channels for opencode, so the Agents tab writes what the opencode panel writes', async () => {
    const { api, proxy, home } = await setup();
    await useModel(api, proxy.url, 'gpt-4o');
    const preview = await api['agents:preview']({ agentId: 'opencode', instanceId: 'litellm' });
    const direct = await api['opencode:preview']({ instanceId: 'litellm' });
    if (!preview.ok || !direct.ok) throw new Error('no preview');
    expect(preview.value.fingerprint).toBe(direct.value.fingerprint);
    const file = join(home, '.config', 'opencode', 'opencode.json');
    expect(await api['agents:write']({ agentId: 'opencode', instanceId: 'litellm', fingerprint: preview.value.fingerprint })).toMatchObject({
      ok: true,
      value: { path: file, agent: { entry: { instanceId: 'litellm', modelId: 'gpt-4o' }, sync: true } },
    });
    expect((await api['opencode:get-settings'](undefined)).sync).toBe(true);
  });

  it('ask for Use This Model before a preview', async () => {
    const { api } = await setup();
    const early = await api['agents:preview']({ agentId: 'kilo', instanceId: 'litellm' });
    expect(!early.ok && early.error.message).toMatch(/press Use This Model first/);
  });
});

describe('the API an agent needs', () => {
  const claudeLike = { ...kiloTarget, displayName: 'Claude Code', needs: 'anthropic-messages' as const };
  const codexLike = { ...kiloTarget, displayName: 'Codex', needs: 'responses' as const };

  it('is there on LiteLLM for every agent; OpenRouter and a custom endpoint have chat completions only, said in a sentence', () => {
    expect(missingApi(claudeLike, 'litellm', 'LiteLLM')).toBeNull();
    expect(missingApi(codexLike, 'litellm', 'LiteLLM')).toBeNull();
    expect(missingApi(kiloTarget, 'openrouter', 'OpenRouter')).toBeNull();
    expect(missingApi(claudeLike, 'openrouter', 'OpenRouter')).toMatch(/Claude Code calls Anthropic Messages \(\/v1\/messages\), which OpenRouter does not offer/);
    expect(missingApi(codexLike, 'custom:lab', 'Lab')).toMatch(/Codex calls the Responses API .* which Lab is not known to offer/);
  });

  it('is offered on a custom endpoint once the person confirms the endpoint has it, and not after they take it back', async () => {
    const { api, proxy } = await setup();
    const saved = await api['custom:save-endpoint']({ name: 'Lab', url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
    if (!saved.ok) throw new Error(saved.error.message);
    const instanceId = `custom:${saved.value.id}` as const;
    const refused = await api['agents:preview']({ agentId: 'codex', instanceId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toMatch(/which Lab is not known to offer .* If Lab has it, confirm that in Settings › Agents/);

    expect(await api['agents:confirm-api']({ instanceId, api: 'responses', confirmed: true })).toEqual({ ok: true, value: ['responses'] });
    expect(await api['agents:preview']({ agentId: 'codex', instanceId })).toMatchObject({ ok: true, value: { changed: true } });
    // Claude Code's API was not confirmed: still refused.
    expect(await api['agents:preview']({ agentId: 'claude-code', instanceId })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

    expect(await api['agents:confirm-api']({ instanceId, api: 'responses', confirmed: false })).toEqual({ ok: true, value: [] });
    expect(await api['agents:preview']({ agentId: 'codex', instanceId })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('is known for LiteLLM and OpenRouter, so confirming there is refused with a sentence, and an unknown endpoint is said', async () => {
    const { api } = await setup();
    const litellm = await api['agents:confirm-api']({ instanceId: 'litellm', api: 'responses', confirmed: true });
    expect(!litellm.ok && litellm.error.message).toMatch(/^LiteLLM has chat completions, the Responses API and Anthropic Messages; .*nothing to confirm/);
    const openrouter = await api['agents:confirm-api']({ instanceId: 'openrouter', api: 'anthropic-messages', confirmed: true });
    expect(!openrouter.ok && openrouter.error.message).toMatch(/^OpenRouter has chat completions only/);
    expect(await api['agents:confirm-api']({ instanceId: 'custom:nobody', api: 'responses', confirmed: true })).toMatchObject({ ok: false, error: { kind: 'not-configured' } });
  });

  it('is checked before anything is read: OpenRouter with Kilo previews, as it has chat completions', async () => {
    const openrouter = await startOpenRouterServer();
    servers.push(openrouter);
    const home = await tempDir();
    const api = createApi({
      userDataDir: join(home, 'user-data'),
      secrets: memorySecretStore(),
      env: { XDG_CONFIG_HOME: join(home, '.config'), SWITCHBOARD_OPENROUTER_BASE_URL: `${openrouter.url}/api/v1`, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${openrouter.url}/no-map` },
      overrides: { home },
    });
    const key = { mode: 'provided' as const, value: 'sk-or-v1-test' };
    await api['openrouter:test-connection']({ key });
    const saved = await api['openrouter:set-config']({ key, selectedModel: 'openai/gpt-4o' });
    if (!saved.ok) throw new Error(saved.error.message);
    const preview = await api['agents:preview']({ agentId: 'kilo', instanceId: 'openrouter' });
    expect(preview).toMatchObject({ ok: true, value: { changed: true } });
  });
});
