import { execFileSync, spawn } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { customInstanceId, type AppNoticeKind } from '@switchboard/shared';
import { createApi } from '@switchboard/core';
import { expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { openSettingsStore } from '../../packages/core/src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../../packages/core/src/store/settings-schema.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { startHostOn, userDataFolder, type HostOnFolder } from '../support/settings-host.js';
import { settingsVersion, STEADY_PLATFORMS, versionOf } from '../support/settings-versions.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const settingsPath = (dir: string) => join(dir, 'settings.json');
const keptCopies = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('settings.json.invalid-')).map((name) => join(dir, name));

/** Starts the real host on `dir`; a host that does not start (or hangs, as on a FIFO) is a crash. */
async function startOrCrash(dir: string, probe: Probe, what: string): Promise<HostOnFolder | null> {
  try {
    return await startHostOn(dir);
  } catch (error) {
    probe.crash(`the browser host did not start on ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

/** The host said it, in the page's channel and in its output, and the sentence names `path`. */
async function expectNotice(host: HostOnFolder, kind: AppNoticeKind, path: string): Promise<void> {
  const notices = await host.call('app:get-notices');
  expect(notices).toEqual([{ kind, message: expect.stringContaining(path) }]);
  expect(await host.printed(`Notice: ${notices[0]?.message ?? ''}`), 'the host prints the notice').toBe(true);
}

/** A file that cannot be read at all: kept beside it byte for byte, said, and the app starts empty. */
const unreadableFiles: ReadonlyArray<[string, string]> = [
  ['a corrupt file (not JSON)', 'Switchboard settings, but not JSON'],
  ['a truncated file (killed mid-write by an older writer)', '{"schemaVersion":1,"platforms":{"litellm":{"url":"http://127.0.0.1:4000","selec'],
  ['an empty file', ''],
  ['a wrong-schema file: an array at the top', '[{"url":"http://127.0.0.1:4000","selectedModel":null}]'],
  ['a wrong-schema file: a string at the top', '"platforms"'],
  ['a 17 MiB file', `{"platforms":{},"padding":"${'x'.repeat(17 * 1024 * 1024)}"}`],
];

const unreadableCases: HostileCase[] = unreadableFiles.map(([what, content]) => ({
  name: `settings: ${what} at start is kept beside it and said, and the app starts`,
  async run(probe) {
    const dir = await userDataFolder();
    await writeFile(settingsPath(dir), content);
    const host = await startOrCrash(dir, probe, what);
    if (!host) return;
    const [kept] = await keptCopies(dir);
    if (kept === undefined || (await readFile(kept, 'utf8')) !== content) probe.lost(`${what}: the unreadable settings file was not kept as it was`);
    await expectNotice(host, 'settings-kept-aside', kept ?? 'settings.json.invalid-');
    expect((await host.call('litellm:get-config')).connected).toBe(false);
  },
}));

/** Something else where settings.json should be: moved aside as it is (never opened, never followed), said. */
const notAFile: ReadonlyArray<{ what: string; make(path: string, dir: string): Promise<void>; intact(dir: string, probe: Probe): Promise<void> }> = [
  {
    what: 'a folder named settings.json',
    make: async (path) => {
      await mkdir(path);
      await writeFile(join(path, 'inside.txt'), 'mine');
    },
    async intact(dir, probe) {
      const [kept] = await keptCopies(dir);
      if ((await readFile(join(kept ?? dir, 'inside.txt'), 'utf8').catch(() => null)) !== 'mine') probe.lost('the folder in place of settings.json');
    },
  },
  {
    what: 'a FIFO named settings.json',
    make: async (path) => void execFileSync('mkfifo', [path]),
    async intact(dir, probe) {
      const [kept] = await keptCopies(dir);
      if (!(await lstat(kept ?? dir)).isFIFO()) probe.lost('the FIFO in place of settings.json');
    },
  },
  {
    what: 'settings.json as a symlink to a file elsewhere',
    make: async (path, dir) => {
      await writeFile(join(dir, 'someone-elses.json'), '{"theirs":true}');
      await symlink(join(dir, 'someone-elses.json'), path);
    },
    async intact(dir, probe) {
      if ((await readFile(join(dir, 'someone-elses.json'), 'utf8')) !== '{"theirs":true}') probe.lost('the file the symlink points at was rewritten');
    },
  },
];

const notAFileCases: HostileCase[] = notAFile.map(({ what, make, intact }) => ({
  name: `settings: ${what} at start is moved aside untouched, said, and never blocks the start`,
  async run(probe) {
    const dir = await userDataFolder();
    await make(settingsPath(dir), dir);
    const host = await startOrCrash(dir, probe, what);
    if (!host) return;
    const [kept] = await keptCopies(dir);
    await expectNotice(host, 'settings-kept-aside', kept ?? 'settings.json.invalid-');
    // A save afterwards goes into a fresh file of Switchboard's own.
    expect(await host.call('opencode:set-settings', { sync: false })).toMatchObject({ ok: true });
    expect((await lstat(settingsPath(dir))).isFile()).toBe(true);
    await intact(dir, probe);
  },
}));

const startCases: HostileCase[] = [
  {
    name: 'settings: a file from a newer Switchboard at start is left untouched, even by saves, and said',
    async run(probe) {
      const dir = await userDataFolder();
      const newer = JSON.stringify({ schemaVersion: 99, platforms: { litellm: { url: 'http://127.0.0.1:4000', selectedModel: null } }, newThing: [1, 2] });
      await writeFile(settingsPath(dir), newer);
      const host = await startOrCrash(dir, probe, 'a newer file');
      if (!host) return;
      await expectNotice(host, 'settings-newer', settingsPath(dir));
      expect(await host.call('opencode:set-settings', { writeKeyInFile: true })).toMatchObject({ ok: true });
      if ((await readFile(settingsPath(dir), 'utf8')) !== newer) probe.lost('the newer Switchboard\'s settings file was changed');
    },
  },
  {
    name: 'settings: a version-1 file at start is brought to the current version with nothing lost, its new opencode switch off',
    async run(probe) {
      const dir = await userDataFolder();
      const opencode = { configPath: null, sync: true, writeKeyInFile: true, smallModels: { litellm: 'gpt-4o-mini' } };
      await writeFile(settingsPath(dir), JSON.stringify({ schemaVersion: 1, platforms: STEADY_PLATFORMS, opencode, keychain: { timeoutMs: 9000 } }));
      const host = await startOrCrash(dir, probe, 'a version-1 file');
      if (!host) return;
      expect(await host.call('app:get-notices')).toEqual([]);
      const settings = await host.call('opencode:get-settings');
      expect(settings).toMatchObject({ sync: true, writeKeyInFile: true, smallModels: opencode.smallModels, writeResponsesOnly: false });
      if ((await host.call('litellm:get-config')).selectedModel !== STEADY_PLATFORMS.litellm.selectedModel) probe.lost('the LiteLLM connection of the version-1 file');
      const onDisk = JSON.parse(await readFile(settingsPath(dir), 'utf8')) as { schemaVersion?: number; keychain?: { timeoutMs?: number } };
      if (onDisk.keychain?.timeoutMs !== 9000) probe.lost('the keychain deadline of the version-1 file');
      expect(onDisk.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
      expect(await keptCopies(dir)).toEqual([]);
    },
  },
  {
    name: 'settings: a bad entry beside good ones at start costs that entry only, and the original is kept',
    async run(probe) {
      const dir = await userDataFolder();
      const lab = { url: 'http://127.0.0.1:8000/v1', selectedModel: 'qwen', name: 'Lab', modelLimits: { qwen: { contextLength: 32768, maxOutputTokens: null } } };
      const original = JSON.stringify({
        schemaVersion: 1,
        platforms: { ...STEADY_PLATFORMS, 'custom:lab': lab, 'custom:broken': { url: ['not', 'a', 'url'], selectedModel: 'x' } },
        opencode: { sync: 'sometimes', smallModels: { litellm: 'gpt-4o-mini' } },
      });
      await writeFile(settingsPath(dir), original);
      const host = await startOrCrash(dir, probe, 'a file with a bad entry');
      if (!host) return;
      const [kept] = await keptCopies(dir);
      if (kept === undefined || (await readFile(kept, 'utf8')) !== original) probe.lost('the original of the repaired settings file');
      await expectNotice(host, 'settings-repaired', kept ?? 'settings.json.invalid-');
      expect((await host.call('app:get-notices'))[0]?.message).toContain('the connection "custom:broken"');
      const endpoints = await host.call('custom:list-endpoints');
      if (!endpoints.some((endpoint) => endpoint.id === 'lab' && endpoint.modelLimits.qwen?.contextLength === 32768)) probe.lost('the good custom endpoint');
      if ((await host.call('litellm:get-config')).selectedModel !== 'claude-sonnet-4') probe.lost('the good LiteLLM connection');
      if ((await host.call('opencode:get-settings')).smallModels.litellm !== 'gpt-4o-mini') probe.lost('the good opencode small model');
    },
  },
  {
    name: 'settings: stale temp files of killed writes are cleaned at start; a fresh one and other files are left',
    async run(probe) {
      const dir = await userDataFolder();
      const old = new Date(Date.now() - 10 * 60_000);
      const stale = ['settings.json.tmp-1761200000abc123', 'model-cache.json.tmp-1761200000abc123'];
      const left = ['settings.json.tmp-1761200001abc123', 'settings.json.tmp-evil', 'notes.json.tmp-1761200000abc123'];
      for (const name of [...stale, ...left]) await writeFile(join(dir, name), '{"half":');
      for (const name of [...stale, ...left.slice(1)]) await utimes(join(dir, name), old, old);
      const host = await startOrCrash(dir, probe, 'a folder with temp files');
      if (!host) return;
      const names = await readdir(dir);
      expect(names.filter((name) => stale.includes(name))).toEqual([]);
      for (const name of left) if (!names.includes(name)) probe.lost(`${name}, which was not a stale temp file of ours`);
    },
  },
];

/** A whole-file check after a kill: it parses, it is one of the versions written, and the steady connections are there. */
async function checkAfterKill(dir: string, atLeast: number, probe: Probe, round: number): Promise<number> {
  let text: string;
  try {
    text = await readFile(settingsPath(dir), 'utf8');
  } catch {
    probe.lost(`round ${round}: settings.json is gone`);
    return atLeast;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    probe.lost(`round ${round}: settings.json is torn (${text.length} bytes that do not parse)`);
    return atLeast;
  }
  const version = versionOf(document);
  if (version === null || version < atLeast) probe.lost(`round ${round}: settings.json holds version ${version}, older than ${atLeast}`);
  const platforms = (document as { platforms?: Record<string, unknown> }).platforms ?? {};
  for (const [id, saved] of Object.entries(STEADY_PLATFORMS)) if (JSON.stringify(platforms[id]) !== JSON.stringify(saved)) probe.lost(`round ${round}: ${id}`);
  return version ?? atLeast;
}

function saveUntilKilled(dir: string, first: number): Promise<{ errors: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'support', 'settings-save-child.ts'), dir, String(first)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString('utf8').includes('ready')) return;
      // Somewhere inside the stream of writes: between a temp file's open, its fsync and its rename.
      setTimeout(() => child.kill('SIGKILL'), 10 + Math.floor(Math.random() * 60));
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve({ errors }) : reject(new Error(`The saving child ended by itself: ${errors}`))));
  });
}

const faultCases: HostileCase[] = [
  {
    name: 'settings: kill -9 during settings writes, looped: after each kill the file parses with the old or the new content',
    async run(probe) {
      const dir = await userDataFolder();
      openSettingsStore(dir).store.write(settingsVersion(0));
      let atLeast = 0;
      for (let round = 1; round <= 8; round += 1) {
        const { errors } = await saveUntilKilled(dir, round * 100_000);
        if (errors !== '') probe.lost(`round ${round}: the next start said: ${errors.trim()}`);
        atLeast = await checkAfterKill(dir, atLeast, probe, round);
      }
      expect(await keptCopies(dir)).toEqual([]);
      // The temp files the kills left are cleaned at the first start once they are a minute old.
      const old = new Date(Date.now() - 2 * 60_000);
      for (const name of await readdir(dir)) await utimes(join(dir, name), old, old);
      openSettingsStore(dir);
      expect((await readdir(dir)).sort()).toEqual(['settings.json']);
    },
  },
  {
    name: 'settings: 50 concurrent custom:save-endpoint calls through the API: all 50 endpoints kept, the file consistent',
    async run(probe) {
      const dir = await userDataFolder();
      const api = createApi({ userDataDir: dir, secrets: memorySecretStore(), env: { SWITCHBOARD_OPENCODE_CONFIG: join(dir, 'oc.json') } });
      const names = Array.from({ length: 50 }, (_, index) => `Endpoint ${index}`);
      const saved = await Promise.all(
        names.map((name, index) =>
          api['custom:save-endpoint']({ name, url: `http://127.0.0.1:${8000 + index}/v1`, key: { mode: 'none' }, selectedModel: `model-${index}` }),
        ),
      );
      expect(saved.every((result) => result.ok)).toBe(true);
      const listed = await api['custom:list-endpoints'](undefined);
      const onDisk = JSON.parse(await readFile(settingsPath(dir), 'utf8')) as { platforms: Record<string, { url: string; selectedModel: string }> };
      for (const [index, name] of names.entries()) {
        const id = name.toLowerCase().replace(' ', '-');
        if (!listed.some((endpoint) => endpoint.name === name && endpoint.selectedModel === `model-${index}`)) probe.lost(`${name} in the list`);
        // The URL is kept normalised, without its /v1.
        if (onDisk.platforms[customInstanceId(id)]?.url !== `http://127.0.0.1:${8000 + index}`) probe.lost(`${name} in settings.json`);
      }
      expect(openSettingsStore(dir).notices).toEqual([]);
    },
  },
  {
    name: 'settings: 50 concurrent opencode:set-settings calls through the API: every small model kept, the file consistent',
    async run(probe) {
      const dir = await userDataFolder();
      const api = createApi({ userDataDir: dir, secrets: memorySecretStore(), env: { SWITCHBOARD_OPENCODE_CONFIG: join(dir, 'oc.json') } });
      const instanceIds = Array.from({ length: 50 }, (_, index) => customInstanceId(`e-${index}`));
      await Promise.all(instanceIds.map((instanceId, index) => api['opencode:set-settings']({ smallModel: { instanceId, model: `small-${index}` }, sync: index % 2 === 0 })));
      const settings = await api['opencode:get-settings'](undefined);
      const onDisk = JSON.parse(await readFile(settingsPath(dir), 'utf8')) as { opencode: { smallModels: Record<string, string> } };
      for (const [index, instanceId] of instanceIds.entries()) {
        if (settings.smallModels[instanceId] !== `small-${index}`) probe.lost(`the small model of ${instanceId}`);
        if (onDisk.opencode.smallModels[instanceId] !== `small-${index}`) probe.lost(`the small model of ${instanceId} in settings.json`);
      }
    },
  },
  {
    name: 'settings: settings.json replaced by garbage while the app runs: every channel still answers, the next save rewrites it whole',
    async run(probe) {
      const dir = await userDataFolder();
      const host = await startOrCrash(dir, probe, 'an empty folder');
      if (!host) return;
      expect(await host.call('opencode:set-settings', { smallModel: { instanceId: 'litellm', model: 'mini' } })).toMatchObject({ ok: true });
      await writeFile(settingsPath(dir), '{"platforms": tor');
      expect((await host.call('opencode:get-settings')).smallModels).toEqual({ litellm: 'mini' });
      expect((await host.call('litellm:get-config')).connected).toBe(false);
      expect(await host.call('opencode:set-settings', { sync: true })).toMatchObject({ ok: true });
      const rewritten = JSON.parse(await readFile(settingsPath(dir), 'utf8')) as { opencode?: { smallModels?: Record<string, string> } };
      if (rewritten.opencode?.smallModels?.litellm !== 'mini') probe.lost('the small model saved before the file was spoiled');
    },
  },
];

hostileCases([...unreadableCases, ...notAFileCases, ...startCases, ...faultCases]);
