import { execFileSync } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const KEY = 'sk-master-1234';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** An API whose opencode config is chosen in Settings (not by env), with LiteLLM set up and a model picked. */
async function setup(): Promise<{ api: SwitchboardApi; dir: string; proxy: RunningServer }> {
  const proxy = await startLiteLLMServer();
  servers.push(proxy);
  const dir = await tempDir();
  const api = createApi({ userDataDir: join(dir, 'user-data'), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${proxy.url}/no-map` } });
  const saved = await api['litellm:set-config']({ url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
  expect(saved.ok).toBe(true);
  return { api, dir, proxy };
}

describe('a config path that is not a regular file', () => {
  it('answers every preview with a sentence at once, and other channels keep answering meanwhile', async () => {
    const { api, dir, proxy } = await setup();
    const fifo = join(dir, 'opencode.json');
    await api['opencode:set-settings']({ configPath: fifo });
    // Made after choosing it, as a FIFO appearing later would be: the previews meet it, not the settings check.
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    // More than libuv's four threads: blocking opens would starve every other file and keychain call.
    const previews = Array.from({ length: 12 }, () => api['opencode:preview']({ instanceId: 'litellm' }));
    const [config, ...answers] = await Promise.all([api['litellm:get-config'](undefined), ...previews]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(config).toMatchObject({ url: proxy.url });
    for (const answer of answers) {
      expect(answer).toEqual({
        ok: false,
        error: {
          kind: 'config-write',
          message: `${fifo} is a named pipe (FIFO), not a regular file, so Switchboard will not use it as opencode's config. Choose (or put back) a plain file at that path, then try again. Nothing was written.`,
        },
      });
    }
    expect(await api['opencode:write']({ instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: false, error: { kind: 'config-write' } });
  });

  it.each([
    ['a folder', (dir: string) => dir, 'is a folder, not a regular file'],
    ['a link to /dev/zero', async (dir: string) => { const link = join(dir, 'zero.json'); await symlink('/dev/zero', link); return link; }, 'is a character device'],
    ['a path below a file', async (dir: string) => join(dir, 'user-data', 'settings.json', 'opencode.json'), 'part of the path before it is a file'],
    ['a path with a NUL in it', (dir: string) => join(dir, 'open\u0000code.json'), 'control character (U+0000)'],
  ])('is refused when chosen in Settings: %s', async (_label, pathIn, phrase) => {
    const { api, dir } = await setup();
    const before = await api['opencode:get-settings'](undefined);
    const chosen = await api['opencode:set-settings']({ configPath: await pathIn(dir) });
    expect(chosen).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining(phrase) } });
    expect(await api['opencode:get-settings'](undefined)).toEqual(before);
  });

  it('a regular file, a link to one, or a path not there yet can be chosen and written', async () => {
    const { api, dir } = await setup();
    const real = join(dir, 'dotfiles', 'opencode.json');
    const link = join(dir, 'opencode.json');
    expect(await api['opencode:set-settings']({ configPath: real })).toMatchObject({ ok: true, value: { configPath: real } });
    expect(await api['opencode:write']({ instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true });
    await symlink(real, link);
    expect(await api['opencode:set-settings']({ configPath: link })).toMatchObject({ ok: true, value: { configPath: link } });
    expect(await api['opencode:write']({ instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true, value: { backupPath: `${link}.bak` } });
    expect(JSON.parse(await readFile(real, 'utf8'))).toMatchObject({ model: 'litellm/gpt-4o' });
  });
});
