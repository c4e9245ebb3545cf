import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { keptCopies, readJson, settingsFile } from './support/settings-folder.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

const unreadable = [
  ['is not JSON', 'not json at all', 'is not valid JSON'],
  ['is truncated mid-write', '{"schemaVersion":1,"platforms":{"litellm":{"url":"http://pro', 'is not valid JSON'],
  ['is empty', '', 'is empty'],
  ['holds only whitespace', '  \n', 'is empty'],
  ['is an array', '[{"url":"http://proxy:4000"}]', 'holds an array'],
  ['is null', 'null', 'holds null'],
  ['is a number', '42', 'holds a number'],
  ['has a version that is no version', '{"schemaVersion":"one","platforms":{}}', 'schema version ("one")'],
] as const;

describe('a settings file that cannot be read at all', () => {
  it.each(unreadable)('that %s is kept beside it, and a notice names the copy', async (_case, content, reason) => {
    const dir = await tempDir();
    await writeFile(settingsFile(dir), content);
    const opened = openSettingsStore(dir);

    expect(opened.store.read().platforms).toEqual({});
    const kept = await keptCopies(dir);
    expect(kept).toHaveLength(1);
    expect(await readFile(kept[0] ?? '', 'utf8')).toBe(content);
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]?.kind).toBe('settings-kept-aside');
    expect(opened.notices[0]?.message).toContain(reason);
    expect(opened.notices[0]?.message).toContain(kept[0]);
    // The app goes on saving into a fresh file.
    opened.store.write({ platforms: { litellm: { url: 'http://proxy:4000', selectedModel: null } } });
    expect(openSettingsStore(dir).store.read().platforms.litellm?.url).toBe('http://proxy:4000');
  });

  it('never replaces an earlier kept copy, even within the same millisecond', async () => {
    const dir = await tempDir();
    for (const content of ['first', 'second']) {
      await writeFile(settingsFile(dir), content);
      openSettingsStore(dir, undefined, 1_700_000_000_000);
    }
    const kept = await keptCopies(dir);
    expect(await Promise.all(kept.map((path) => readFile(path, 'utf8')))).toEqual(expect.arrayContaining(['first', 'second']));
  });
});

describe('something other than a file in place of settings.json', () => {
  const places = [
    ['a folder', 'is a folder', async (path: string) => mkdir(path)],
    ['a named pipe', 'named pipe', async (path: string) => void execFileSync('mkfifo', [path])],
    [
      'a symbolic link to a file elsewhere',
      'symbolic link',
      async (path: string) => {
        const elsewhere = join(path, '..', 'elsewhere.json');
        await writeFile(elsewhere, '{"someone":"else"}');
        await symlink(elsewhere, path);
      },
    ],
  ] as const;

  it.each(places)('(%s) is moved aside untouched, never opened, and said', async (_case, reason, make) => {
    const dir = await tempDir();
    await make(settingsFile(dir));
    const opened = openSettingsStore(dir);

    expect(opened.notices).toEqual([{ kind: 'settings-kept-aside', message: expect.stringContaining(reason) }]);
    const [kept] = await keptCopies(dir);
    expect(opened.notices[0]?.message).toContain(kept);
    // What was there is kept as it was: the folder, the pipe, the link itself.
    expect((await lstat(kept ?? '')).isFile()).toBe(false);
    opened.store.write({});
    expect((await lstat(settingsFile(dir))).isFile()).toBe(true);
  });

  it('a link to another file never gets that file rewritten', async () => {
    const dir = await tempDir();
    const elsewhere = join(dir, 'elsewhere.json');
    await writeFile(elsewhere, '{"someone":"else"}');
    await symlink(elsewhere, settingsFile(dir));
    openSettingsStore(dir).store.write({ platforms: { litellm: { url: 'http://proxy:4000', selectedModel: null } } });
    expect(await readFile(elsewhere, 'utf8')).toBe('{"someone":"else"}');
  });
});

describe('a settings file from a newer Switchboard', () => {
  it('is left untouched, byte for byte, even after saves; the session runs on defaults and says so', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: 7, platforms: { litellm: { url: 'http://proxy:4000', selectedModel: null } }, future: true });
    await writeFile(settingsFile(dir), text);
    const opened = openSettingsStore(dir);

    expect(opened.notices).toEqual([{ kind: 'settings-newer', message: expect.stringContaining('settings version 7') }]);
    expect(opened.notices[0]?.message).toContain(settingsFile(dir));
    expect(opened.store.read().platforms).toEqual({});
    opened.store.write({ platforms: { openrouter: { url: 'https://openrouter.ai/api/v1', selectedModel: 'm' } } });
    expect(opened.store.read().platforms.openrouter?.selectedModel).toBe('m');
    expect(await readFile(settingsFile(dir), 'utf8')).toBe(text);
    expect(await keptCopies(dir)).toEqual([]);
    expect(await readJson(settingsFile(dir))).toMatchObject({ schemaVersion: 7, future: true });
  });
});
