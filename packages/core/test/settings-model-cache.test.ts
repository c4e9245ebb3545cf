import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openModelCacheStore } from '../src/store/open-settings-store.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const list = { url: 'http://proxy:4000', fetchedAt: 1, models: [] };

describe('a broken model cache', () => {
  it.each([
    ['not JSON', '{"litellm": {"url"'],
    ['empty', ''],
    ['an array', '[]'],
  ])('that is %s is dropped, and the cache works again', async (_case, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'model-cache.json'), content);
    const cache = openModelCacheStore(dir);
    expect(cache.read('litellm')).toBeNull();
    cache.write('litellm', list);
    expect(openModelCacheStore(dir).read('litellm')).toEqual(list);
  });

  it('that is a folder is moved aside, never deleted', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'model-cache.json'));
    await writeFile(join(dir, 'model-cache.json', 'inside'), 'kept');
    openModelCacheStore(dir).write('litellm', list);
    const aside = (await readdir(dir)).filter((name) => name.startsWith('model-cache.json.invalid-'));
    expect(await readdir(join(dir, aside[0] ?? 'missing'))).toEqual(['inside']);
  });

  it('keeps the good lists beside a broken one', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'model-cache.json'), JSON.stringify({ litellm: list, openrouter: { url: 5 } }));
    const cache = openModelCacheStore(dir);
    expect(cache.read('litellm')).toEqual(list);
    expect(cache.read('openrouter')).toBeNull();
  });
});
