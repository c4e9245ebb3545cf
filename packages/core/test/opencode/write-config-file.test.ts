import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeConfigFile, type ConfigFileSystem } from '../../src/opencode/write-config-file.js';
import { useTempDirs } from '../support/temp-dir.js';

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
  // In the order the writer takes them; from `open` on, the temporary file exists.
  const STEPS = ['mkdir', 'copyFile', 'chmod-backup', 'open', 'writeFile', 'sync', 'chmod', 'rename'] as const;
  type Step = (typeof STEPS)[number];

  /** node:fs/promises, except that one step throws. */
  function failingAt(step: Step): ConfigFileSystem {
    const boom = async (): Promise<never> => {
      throw new Error(`injected failure in ${step}`);
    };
    return {
      ...fs,
      mkdir: step === 'mkdir' ? boom : fs.mkdir,
      copyFile: step === 'copyFile' ? boom : fs.copyFile,
      chmod: async (path, fileMode) => {
        const onTemporary = path.includes('.tmp-');
        if ((step === 'chmod' && onTemporary) || (step === 'chmod-backup' && !onTemporary)) return boom();
        return fs.chmod(path, fileMode);
      },
      rename: step === 'rename' ? boom : fs.rename,
      open: async (path, flags, fileMode) => {
        if (step === 'open') return boom();
        const handle = await fs.open(path, flags, fileMode);
        return {
          writeFile: async (data, encoding) => {
            if (step === 'writeFile') {
              await handle.writeFile(data.slice(0, 5), encoding); // half written, then the disk fills up
              return boom();
            }
            return handle.writeFile(data, encoding);
          },
          sync: step === 'sync' ? boom : () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
  }

  it.each(STEPS)('failing in %s', async (step) => {
    const { dir, file } = await withOldFile(0o640);
    const before = await fs.readFile(file);
    // chmod runs on the temporary file only when a mode is to be set; owner-only makes sure it does.
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

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)(`a real failure (a read-only folder) is reported with the path${isRoot ? ' (SKIPPED: running as root, which ignores folder permissions)' : ''}`, async () => {
    const { dir, file } = await withOldFile();
    await fs.chmod(dir, 0o500);
    try {
      const result = await writeConfigFile(file, NEW, {});
      expect(result).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringMatching(`^Could not write ${file}: EACCES`) } });
      expect(await fs.readFile(file, 'utf8')).toBe(OLD);
    } finally {
      await fs.chmod(dir, 0o700);
    }
  });
});
