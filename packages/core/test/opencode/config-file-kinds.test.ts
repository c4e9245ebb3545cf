import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS } from '../../src/files/index.js';
import { CONFIG_READ_LIMITS, readConfigFile } from '../../src/opencode/read-config-file.js';
import { writeConfigFile } from '../../src/opencode/write-config-file.js';
import { useTempDirs } from '../support/temp-dir.js';
import { SPECIAL_FILES } from './support/special-files.js';

const tempDir = useTempDirs();
const OLD = '{\n  "username": "ada"\n}\n';
const NEW = '{\n  "model": "litellm/gpt-4o"\n}\n';

async function folderWithConfig(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, 'opencode.json');
  await fs.writeFile(file, OLD);
  return { dir, file };
}

describe('only a regular file is read or written', () => {
  it.each(SPECIAL_FILES)('$kind at the config path is refused at once, with a sentence naming the path', async ({ make, phrase }) => {
    const dir = await tempDir();
    const file = join(dir, 'opencode.json');
    await make(file);
    const read = await readConfigFile(file);
    expect(read).toMatchObject({ ok: false, error: { kind: 'config-write' } });
    expect(!read.ok && read.error.message).toContain(file);
    expect(!read.ok && read.error.message).toContain(phrase);
    const written = await writeConfigFile(file, NEW, { backup: true });
    expect(written).toMatchObject({ ok: false, error: { kind: 'config-write' } });
    expect(!written.ok && written.error.message).toContain(phrase);
    expect(await fs.readdir(dir)).toEqual(['opencode.json']);
  });

  it.each(SPECIAL_FILES)('$kind at the backup path is refused before anything is written', async ({ make }) => {
    const { dir, file } = await folderWithConfig();
    await make(`${file}.bak`);
    const written = await writeConfigFile(file, NEW, { backup: true });
    expect(written).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringContaining(`${file}.bak is `) } });
    expect(await fs.readFile(file, 'utf8')).toBe(OLD);
    expect((await fs.readdir(dir)).sort()).toEqual(['opencode.json', 'opencode.json.bak']);
  });

  it('a link planted at the backup path is refused, and the file it points at is untouched', async () => {
    const { dir, file } = await folderWithConfig();
    const victim = join(dir, 'victim');
    await fs.writeFile(victim, 'precious');
    await fs.symlink(victim, `${file}.bak`);
    const written = await writeConfigFile(file, NEW, { backup: true });
    expect(written).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringContaining(`${file}.bak is a symbolic link`) } });
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
    expect(await fs.readFile(file, 'utf8')).toBe(OLD);
  });

  it('a link to a file that does not exist is refused rather than followed into a new file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'opencode.json');
    await fs.symlink(join(dir, 'elsewhere', 'x.json'), file);
    expect(await writeConfigFile(file, NEW)).toMatchObject({ ok: false, error: { message: expect.stringContaining('is a link to a file that does not exist') } });
    await expect(fs.stat(join(dir, 'elsewhere'))).rejects.toThrow();
  });

  it('a file past the size cap is not read, and the sentence says why', async () => {
    const { file } = await folderWithConfig();
    await fs.truncate(file, CONFIG_READ_LIMITS.maxBytes + 1);
    const read = await readConfigFile(file);
    expect(read).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringContaining('larger than 5 MiB') } });
  });

  it('bytes that are not UTF-8 are refused with their line and column; a byte-order mark is kept', async () => {
    const { file } = await folderWithConfig();
    await fs.writeFile(file, Buffer.concat([Buffer.from('{\n  "a": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
    expect(await readConfigFile(file)).toEqual({
      ok: false,
      error: {
        kind: 'config-invalid',
        message: `${file} is not UTF-8 text: an invalid byte sequence at line 2, column 12 (byte 13). Switchboard left the file unchanged; save it as UTF-8, then try again.`,
      },
    });
    await fs.writeFile(file, `\uFEFF${OLD}`);
    expect(await readConfigFile(file)).toEqual({ ok: true, value: `\uFEFF${OLD}` });
  });
});

describe('writes of one file', () => {
  it('refuse to go ahead when the file changed since the text they replace was read', async () => {
    const { file } = await folderWithConfig();
    const written = await writeConfigFile(file, NEW, { unchangedSince: '{}' });
    expect(written).toMatchObject({ ok: false, error: { message: `${file} changed after the preview was made, so nothing was written. Review the change again, then write it.` } });
    expect(await writeConfigFile(file, NEW, { unchangedSince: OLD })).toMatchObject({ ok: true });
    expect(await writeConfigFile(join(await tempDir(), 'new.json'), NEW, { unchangedSince: OLD })).toMatchObject({ ok: false });
  });

  it('50 at once end as one whole version, with a whole earlier version as the backup', async () => {
    const { dir, file } = await folderWithConfig();
    const versions = Array.from({ length: 50 }, (_, index) => `{\n  "version": ${index},\n  "pad": "${'x'.repeat(index * 997)}"\n}\n`);
    const results = await Promise.all(versions.map((text) => writeConfigFile(file, text, { backup: true })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(versions).toContain(await fs.readFile(file, 'utf8'));
    expect([OLD, ...versions]).toContain(await fs.readFile(`${file}.bak`, 'utf8'));
    expect((await fs.readdir(dir)).sort()).toEqual(['opencode.json', 'opencode.json.bak']);
  });

  it('clear temporary files a killed write left long ago, and leave a recent one (another write may own it)', async () => {
    const { dir, file } = await folderWithConfig();
    const old = `${file}.tmp-${'a'.repeat(24)}`;
    const oldBackup = `${file}.bak.tmp-${'b'.repeat(24)}`;
    const recent = `${file}.tmp-${'c'.repeat(24)}`;
    const notOurs = `${file}.tmp-notes`;
    for (const stray of [old, oldBackup, recent, notOurs]) await fs.writeFile(stray, '{"half":');
    const longAgo = new Date(Date.now() - STALE_AFTER_MS - 1_000);
    for (const stray of [old, oldBackup, notOurs]) await fs.utimes(stray, longAgo, longAgo);
    expect(await writeConfigFile(file, NEW, { backup: true })).toMatchObject({ ok: true });
    expect((await fs.readdir(dir)).sort()).toEqual(['opencode.json', 'opencode.json.bak', `opencode.json.tmp-${'c'.repeat(24)}`, 'opencode.json.tmp-notes']);
  });
});
