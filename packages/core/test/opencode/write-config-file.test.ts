import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result, WrittenConfig } from '@switchboard/shared';
import { writeConfigFile, type ConfigFileSystem, type WriteStep } from '../../src/opencode/write-config-file.js';
import { useTempDirs } from '../support/temp-dir.js';
import { unprivilegedRunner } from './support/unprivileged.js';

const WRITE_AS_USER = fileURLToPath(new URL('./support/write-as-user.ts', import.meta.url));

const tempDir = useTempDirs();
const OLD = '{\n  // the user\'s own file\n  "username": "ada"\n}\n';
const NEW = '{\n  "model": "litellm/gpt-4o"\n}\n';
const mode = async (path: string) => (await fs.stat(path)).mode & 0o777;

async function withOldFile(fileMode = 0o644): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, 'opencode.json');
  await fs.writeFile(file, OLD);
  await fs.chmod(file, fileMode);
  return { dir, file };
}

describe('writing the config file', () => {
  it('creates the file and its folder when neither exists, without a backup', async () => {
    const file = join(await tempDir(), 'opencode', 'opencode.json');
    expect(await writeConfigFile(file, NEW, { backup: true })).toEqual({ ok: true, value: { path: file, backupPath: null } });
    expect(await fs.readFile(file, 'utf8')).toBe(NEW);
  });

  it('replaces the file and keeps the old one as <file>.bak, with its permissions', async () => {
    const { dir, file } = await withOldFile(0o640);
    const result = await writeConfigFile(file, NEW, { backup: true });
    expect(result).toEqual({ ok: true, value: { path: file, backupPath: `${file}.bak` } });
    expect(await fs.readFile(file, 'utf8')).toBe(NEW);
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(OLD);
    expect(await mode(file)).toBe(0o640);
    expect(await mode(`${file}.bak`)).toBe(0o640);
    expect((await fs.readdir(dir)).sort()).toEqual(['opencode.json', 'opencode.json.bak']);
  });

  it('makes the file owner-only when it will hold a key', async () => {
    const { file } = await withOldFile(0o644);
    await writeConfigFile(file, NEW, { ownerOnly: true });
    expect(await mode(file)).toBe(0o600);
    const fresh = join(await tempDir(), 'opencode.json');
    await writeConfigFile(fresh, NEW, { ownerOnly: true });
    expect(await mode(fresh)).toBe(0o600);
  });

  it('keeps an owner-only file owner-only even without a key of its own', async () => {
    const { file } = await withOldFile(0o600);
    await writeConfigFile(file, NEW, {});
    expect(await mode(file)).toBe(0o600);
  });

  it('writes through a symlink, so a dotfiles link stays a link', async () => {
    const { dir, file } = await withOldFile();
    const link = join(dir, 'linked.json');
    await fs.symlink(file, link);
    await writeConfigFile(link, NEW, { backup: true });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe(NEW);
    expect(await fs.readFile(`${link}.bak`, 'utf8')).toBe(OLD);
  });
});

describe('a failure at any step leaves the old file exactly as it was', () => {
  /** A write whose `step` throws at one point, as a full disk or a lost mount would there. */
  const failingAt = (failing: WriteStep): ConfigFileSystem => ({
    step(name) {
      if (name === failing) throw new Error(`injected failure in ${name}`);
    },
  });

  // In the order the writer takes them; at `temporary` atomically has created its temporary file and must remove it.
  it.each(['mkdir', 'backup', 'temporary'] as const)('failing in %s', async (step) => {
    const { dir, file } = await withOldFile(0o640);
    const before = await fs.readFile(file);
    const result = await writeConfigFile(file, NEW, { backup: true, ownerOnly: true, fs: failingAt(step) });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'config-write', message: `Could not write ${file}: injected failure in ${step}. The file was left as it was.` },
    });
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect(await mode(file)).toBe(0o640);
    // No temporary file is left behind; a backup, if made before the failure, is a copy of the old file.
    const left = await fs.readdir(dir);
    expect(left.filter((name) => name !== 'opencode.json.bak')).toEqual(['opencode.json']);
    if (left.includes('opencode.json.bak')) expect((await fs.readFile(`${file}.bak`)).equals(before)).toBe(true);
  });

  it('a folder that cannot be flushed after the rename still counts as written', async () => {
    const { file } = await withOldFile();
    expect(await writeConfigFile(file, NEW, { fs: failingAt('sync-folder') })).toMatchObject({ ok: true });
    expect(await fs.readFile(file, 'utf8')).toBe(NEW);
  });

  const unprivileged = unprivilegedRunner();
  it.skipIf(unprivileged.skip !== null)(
    `a real failure (a read-only folder) is reported with the path${unprivileged.skip === null ? '' : ` (SKIPPED: ${unprivileged.skip})`}`,
    async () => {
      const { dir, file } = await withOldFile();
      await unprivileged.own(dir, file);
      await fs.chmod(dir, 0o500);
      try {
        const result = await unprivileged.run<Result<WrittenConfig>>(WRITE_AS_USER, [file, NEW]);
        expect(result).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringMatching(`^Could not write ${file}: EACCES`) } });
        expect(await fs.readFile(file, 'utf8')).toBe(OLD);
        expect(await fs.readdir(dir)).toEqual(['opencode.json']);
      } finally {
        await fs.chmod(dir, 0o700);
      }
    },
  );
});
