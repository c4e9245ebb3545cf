import { link, lstat, mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { hostileCases, type HostileCase } from '../support/hostile-cases.js';
import { answered, bytesOf, expectKept, KEY, makeFifo, makeSocket, OLD, parse, scene, VICTIM, type Scene } from '../support/config-scene.js';

// ---------------------------------------------------------------------------------------------
// Things planted at the paths the writer touches. Refused: both channels answer with a sentence
// naming the path, and nothing is written anywhere. Written: the write lands in the config only.

interface Planted {
  what: string;
  plant(scene: Scene): Promise<void>;
  /** Where no config exists first (the plant is at the config path itself). */
  noConfig?: boolean;
  outcome: { refused: string } | 'written';
}

const PLANTED: readonly Planted[] = [
  { what: 'a link at the backup pointing at another file', plant: (s) => symlink(s.victim, `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  { what: 'a link at the backup pointing nowhere yet', plant: (s) => symlink(join(s.dir, 'created-by-link'), `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  { what: 'a link at the backup pointing at the config itself', plant: (s) => symlink(s.file, `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  // A hard link looks like a regular file; copying into it would overwrite the other name's contents. Renaming over it does not.
  { what: 'a hard link at the backup to another file', plant: (s) => link(s.victim, `${s.file}.bak`), outcome: 'written' },
  { what: 'a FIFO at the backup', plant: (s) => makeFifo(`${s.file}.bak`), outcome: { refused: '.bak is a named pipe (FIFO)' } },
  { what: 'a folder at the backup', plant: (s) => mkdir(`${s.file}.bak`), outcome: { refused: '.bak is a folder' } },
  { what: 'a FIFO at the config path', noConfig: true, plant: (s) => makeFifo(s.file), outcome: { refused: 'is a named pipe (FIFO), not a regular file' } },
  { what: 'a socket at the config path', noConfig: true, plant: (s) => makeSocket(s.file), outcome: { refused: 'is a socket, not a regular file' } },
  { what: 'a folder at the config path', noConfig: true, plant: (s) => mkdir(s.file), outcome: { refused: 'is a folder, not a regular file' } },
  { what: 'a link to /dev/zero at the config path', noConfig: true, plant: (s) => symlink('/dev/zero', s.file), outcome: { refused: 'is a character device' } },
  { what: 'a link to /dev/urandom at the config path', noConfig: true, plant: (s) => symlink('/dev/urandom', s.file), outcome: { refused: 'is a character device' } },
  {
    what: 'a link to a FIFO at the config path',
    noConfig: true,
    plant: async (s) => {
      await makeFifo(join(s.dir, 'pipe'));
      await symlink(join(s.dir, 'pipe'), s.file);
    },
    outcome: { refused: 'is a named pipe (FIFO)' },
  },
  { what: 'a dangling link at the config path', noConfig: true, plant: (s) => symlink(join(s.dir, 'nowhere', 'x.json'), s.file), outcome: { refused: 'is a link to a file that does not exist' } },
  { what: 'a 6 MiB file at the config path', plant: (s) => truncate(s.file, 6 * 1024 * 1024), outcome: { refused: 'larger than 5 MiB' } },
  {
    what: 'links at predictable temporary names (plain, old 12-hex, atomically-style timestamps)',
    plant: async (s) => {
      const stamp = Date.now().toString().slice(-10);
      const names = ['.tmp', '.tmp-000000000000', `.tmp-${stamp}000000`, `.tmp-${stamp}ffffff`, '.bak.tmp', '.bak.tmp-000000000000'];
      for (const name of names) await symlink(s.victim, `${s.file}${name}`);
    },
    outcome: 'written',
  },
  {
    what: 'a link at the config path to a dotfiles copy (written through, as editors do)',
    noConfig: true,
    plant: async (s) => {
      await mkdir(join(s.dir, 'dotfiles'));
      await writeFile(join(s.dir, 'dotfiles', 'opencode.json'), OLD);
      await symlink(join(s.dir, 'dotfiles', 'opencode.json'), s.file);
    },
    outcome: 'written',
  },
];

const plantedCases: HostileCase[] = PLANTED.map((planted) => ({
  name: `config writer: ${planted.what}`,
  async run(probe) {
    const s = await scene(planted.noConfig ? null : OLD);
    await planted.plant(s);
    // Not read when the plant is at the config path: reading a FIFO or /dev/zero is exactly what must never happen.
    const before = planted.noConfig ? null : await bytesOf(s.file);
    const folder = (await readdir(join(s.dir, 'opencode'))).sort();
    const preview = await answered(probe, 'opencode:preview', s.api['opencode:preview']({ instanceId: 'litellm' }));
    const written = await answered(probe, 'opencode:write', s.api['opencode:write']({ instanceId: 'litellm', fingerprint: null }));
    await expectKept(probe, s.victim, VICTIM, 'the file a planted link points at');
    probe.noLeak('the answers', JSON.stringify([preview, written]), [KEY]);
    if (planted.outcome === 'written') {
      expect(written, JSON.stringify(written)).toMatchObject({ ok: true });
      const text = await readFile(s.file, 'utf8');
      expect(parse(text)).toMatchObject({ model: 'litellm/gpt-4o', provider: { litellm: { npm: '@ai-sdk/openai-compatible' } } });
      if (!(await lstat(`${s.file}.bak`)).isFile()) probe.lost('the backup is not a regular file');
      if (!planted.noConfig) await expectKept(probe, `${s.file}.bak`, OLD, 'the backup of the previous config');
      return;
    }
    // The write is refused before anything is opened; the preview too, unless only the backup is wrong.
    const refusal = planted.outcome.refused;
    for (const answer of planted.noConfig || refusal.includes('MiB') ? [preview, written] : [written]) {
      expect(answer).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringContaining(refusal) } });
      expect(!answer.ok && answer.error.message).toContain(join(s.dir, 'opencode'));
    }
    if (before !== null) await expectKept(probe, s.file, before, 'the config');
    if (JSON.stringify((await readdir(join(s.dir, 'opencode'))).sort()) !== JSON.stringify(folder)) probe.lost('the config folder changed');
    await expect(lstat(join(s.dir, 'created-by-link'))).rejects.toThrow();
  },
}));

hostileCases(plantedCases);
