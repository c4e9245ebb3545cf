import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contract, ModelSchema, toModel } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api/create-api.js';
import { openModelCacheStore } from '../src/store/open-settings-store.js';
import { memorySecretStore } from './support/memory-secret-store.js';
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

  it.each([{}, 5, null, ['note']])('shows a list whose access note was edited into %j, without the note', async (accessNote) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'model-cache.json'), JSON.stringify({ litellm: { ...list, accessNote } }));
    expect(openModelCacheStore(dir).read('litellm')).toEqual(list);
  });
});

describe('a model cache written by the version before issue #10', () => {
  const NEW_FIELDS = ['description', 'underlying', 'cacheReadCostPerMillion', 'cacheWriteCostPerMillion', 'supportsPdf', 'supportsWebSearch', 'supportsPromptCaching'] as const;
  const older = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'model-cache', 'before-issue-10.json'), 'utf8')) as Record<string, { models: Array<Record<string, unknown>> }>;

  it.each(['litellm', 'openrouter'])('is read for %s: every model and everything it knew, the later fields unknown', async (instance) => {
    const dir = await tempDir();
    await copyFile(join(import.meta.dirname, 'fixtures', 'model-cache', 'before-issue-10.json'), join(dir, 'model-cache.json'));
    const read = openModelCacheStore(dir).read(instance);
    const stored = older[instance];
    expect(read?.models).toHaveLength(stored?.models.length ?? -1);
    for (const [index, model] of (read?.models ?? []).entries()) {
      expect(model).toMatchObject(stored?.models[index] ?? {});
      for (const field of NEW_FIELDS) expect(model[field], field).toBeNull();
      // What the renderer receives is checked against the current Model schema: it must pass.
      expect(ModelSchema.safeParse(model).success).toBe(true);
    }
  });

  it('is shown by get-cached-models for the saved connection', async () => {
    const dir = await tempDir();
    await copyFile(join(import.meta.dirname, 'fixtures', 'model-cache', 'before-issue-10.json'), join(dir, 'model-cache.json'));
    const api = createApi({ userDataDir: dir, secrets: memorySecretStore() });
    await api['litellm:set-config']({ url: 'http://127.0.0.1:4000', key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    const cached = contract['litellm:get-cached-models'].output.parse(await api['litellm:get-cached-models'](undefined));
    expect(cached?.models.map((model) => [model.id, model.contextLength, model.description])).toEqual([
      ['gpt-4o', 128000, null],
      ['fake-up', 32000, null],
    ]);
  });

  it('leaves a current list as it is', async () => {
    const dir = await tempDir();
    const current = { url: 'http://proxy:4000', fetchedAt: 2, models: [{ ...toModel({ id: 'gpt-4o' }), description: 'house model', supportsPdf: true }] };
    openModelCacheStore(dir).write('litellm', current);
    expect(openModelCacheStore(dir).read('litellm')).toEqual(current);
  });
});
