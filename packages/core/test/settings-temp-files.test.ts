import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openModelCacheStore, openSettingsStore } from '../src/store/open-settings-store.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

async function fileAged(path: string, ageMs: number): Promise<void> {
  await writeFile(path, '{"half":');
  const time = new Date(Date.now() - ageMs);
  await utimes(path, time, time);
}

describe('temporary files left by a killed write', () => {
  it('are removed at start when they are ours and older than a minute, and nothing else is', async () => {
    const dir = await tempDir();
    const stale = ['settings.json.tmp-1761200000a1b2c3', 'model-cache.json.tmp-17612000000f0f0f'];
    const kept = [
      'settings.json.tmp-1761200001abcdef', // a write another process may still be doing
      'settings.json.tmp-notours',
      'opencode.json.tmp-1761200000a1b2c3',
      'settings.json.invalid-1761200000000',
      'notes.txt',
    ];
    for (const name of stale) await fileAged(join(dir, name), 5 * 60_000);
    for (const name of kept.slice(1)) await fileAged(join(dir, name), 5 * 60_000);
    await fileAged(join(dir, kept[0] ?? ''), 5_000);
    // A folder with the pattern's name is not a file a write left.
    await mkdir(join(dir, 'settings.json.tmp-1761200002abcdef'));
    const time = new Date(Date.now() - 5 * 60_000);
    await utimes(join(dir, 'settings.json.tmp-1761200002abcdef'), time, time);

    openSettingsStore(dir);
    openModelCacheStore(dir);
    expect((await readdir(dir)).sort()).toEqual([...kept, 'settings.json.tmp-1761200002abcdef'].sort());
  });
});
