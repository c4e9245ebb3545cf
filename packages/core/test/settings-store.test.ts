import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

describe('the settings store', () => {
  it('survives a restart: a new store on the same folder reads what the old one wrote', async () => {
    const dir = await tempDir();
    openSettingsStore(dir).write({ platforms: { litellm: { url: 'http://proxy:4000', selectedModel: 'gpt-4o' } } });
    const reopened = openSettingsStore(dir);
    expect(reopened.read().platforms.litellm).toEqual({ url: 'http://proxy:4000', selectedModel: 'gpt-4o' });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      platforms: { litellm: { selectedModel: 'gpt-4o' } },
    });
  });

  it('starts empty in a new folder, with default catalog lifetimes', async () => {
    const settings = openSettingsStore(await tempDir()).read();
    expect(settings.platforms).toEqual({});
    expect(settings.catalog).toMatchObject({ modelListLifetimeMs: 5 * 60 * 1000, publicMapLifetimeMs: 24 * 60 * 60 * 1000 });
  });

  it('refuses to write settings that break the schema', async () => {
    const store = openSettingsStore(await tempDir());
    expect(() => store.write({ platforms: { litellm: { url: 42 } } } as never)).toThrow();
    expect(store.read().platforms).toEqual({});
  });

  it.each([
    ['breaks the schema', JSON.stringify({ platforms: { litellm: { url: 7 } } })],
    ['is not JSON', '{"platforms": '],
  ])('starts empty, keeping a file that %s beside it', async (_case, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), content);
    expect(openSettingsStore(dir).read().platforms).toEqual({});
    const kept = (await readdir(dir)).filter((name) => name.startsWith('settings.json.invalid-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0] ?? ''), 'utf8')).toBe(content);
  });
});
