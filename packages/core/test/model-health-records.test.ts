import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelHealth } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_RESULTS, WRITE_DELAY_MS } from '../src/store/model-health-records.js';
import { openModelHealthRecords } from '../src/store/open-settings-store.js';
import { useTempDirs } from './support/temp-dir.js';
import { UNUSUAL_MODEL_IDS } from './support/unusual-model-ids.js';

const tempDir = useTempDirs();

const health = (state: ModelHealth['state'], checkedAt: number): ModelHealth => ({ state, latencyMs: 120, checkedAt, message: state === 'ok' ? null : 'It failed.' });

describe('the model health records', () => {
  it('answers the last check of each model of one instance, across a restart', async () => {
    const dir = await tempDir();
    const store = openModelHealthRecords(dir);
    store.keep('litellm', 'gpt-4o', health('error', 1));
    store.keep('custom:lab', 'gpt-4o', health('ok', 2));
    store.keep('litellm', 'gpt-4o', health('ok', 3));
    store.keep('litellm', 'o3', health('timeout', 4));
    expect(store.read('litellm')).toEqual({ 'gpt-4o': health('ok', 3), o3: health('timeout', 4) });
    store.flush();

    const after = openModelHealthRecords(dir);
    expect(after.read('litellm')).toEqual({ 'gpt-4o': health('ok', 3), o3: health('timeout', 4) });
    expect(after.read('custom:lab')).toEqual({ 'gpt-4o': health('ok', 2) });
    expect(after.read('openrouter')).toEqual({});
  });

  it.each(UNUSUAL_MODEL_IDS)('keeps the result of a model named %j like any other', async (modelId) => {
    const dir = await tempDir();
    const store = openModelHealthRecords(dir);
    store.keep('litellm', modelId, health('error', 5));
    store.flush();
    const map = openModelHealthRecords(dir).read('litellm');
    expect(Object.keys(map)).toEqual([modelId]);
    expect(Object.hasOwn(map, modelId)).toBe(true);
    expect(map[modelId]?.state).toBe('error');
    expect(({} as Record<string, unknown>)['state']).toBeUndefined();
  });

  it('keeps the newest results when there are more than it holds', async () => {
    const dir = await tempDir();
    const store = openModelHealthRecords(dir);
    store.keep('litellm', 'old', health('error', 1));
    for (let n = 0; n < MAX_KEPT_RESULTS; n += 1) store.keep('openrouter', `m-${n}`, health('ok', 10 + n));
    store.flush();
    const after = openModelHealthRecords(dir);
    expect(Object.keys(after.read('openrouter'))).toHaveLength(MAX_KEPT_RESULTS);
    expect(after.read('litellm')).toEqual({});
  });

  it('writes kept results by itself shortly after, without a flush', async () => {
    const dir = await tempDir();
    openModelHealthRecords(dir).keep('litellm', 'gpt-4o', health('ok', 1));
    await new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS * 2));
    expect(openModelHealthRecords(dir).read('litellm')).toEqual({ 'gpt-4o': health('ok', 1) });
  });

  it.each([
    ['not JSON at all', '{"litellm": {"gpt'],
    ['a list', '[1, 2, 3]'],
  ])('starts empty from a file that is %s, and keeps new results', async (_what, text) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'model-health.json'), text);
    const store = openModelHealthRecords(dir);
    expect(store.read('litellm')).toEqual({});
    store.keep('litellm', 'gpt-4o', health('ok', 1));
    store.flush();
    expect(openModelHealthRecords(dir).read('litellm')).toEqual({ 'gpt-4o': health('ok', 1) });
  });

  it('drops a broken result from a hand-edited file and keeps its neighbours', async () => {
    const dir = await tempDir();
    const good = health('ok', 1);
    await writeFile(join(dir, 'model-health.json'), JSON.stringify({ litellm: { good, bad: { state: 'fine' }, worse: 7 }, openrouter: 'nope' }));
    const store = openModelHealthRecords(dir);
    expect(store.read('litellm')).toEqual({ good });
    expect(store.read('openrouter')).toEqual({});
  });
});
