import { link, lstat, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNewFile } from '../../src/files/write-new-file.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();

describe('a file written under a fresh name and renamed into place', () => {
  // What a link or hard link planted at the backup after it was looked at would do: rename replaces the name, never what it points at.
  it.each([
    ['a symbolic link', (victim: string, path: string) => symlink(victim, path)],
    ['a hard link', (victim: string, path: string) => link(victim, path)],
  ])('replaces %s at the path and leaves the file behind it alone', async (_label, plant) => {
    const dir = await tempDir();
    const victim = join(dir, 'victim');
    const path = join(dir, 'opencode.json.bak');
    await writeFile(victim, 'precious');
    await plant(victim, path);
    await writeNewFile(path, Buffer.from('old config'), 0o640);
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(path, 'utf8')).toBe('old config');
    const stats = await lstat(path);
    expect(stats.isFile() && stats.nlink === 1 && (stats.mode & 0o777) === 0o640).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['opencode.json.bak', 'victim']);
  });
});
