import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelHealth } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_RESULTS, WRITE_DELAY_MS } from '../src/store/model-health-records.js';
import { openModelHealthRecords } from '../src/store/open-settings-store.js';
import { useTempDirs } from './support/temp-dir.js';
import { UNUSUAL_MODEL_IDS } from './support/unusual-model-ids.js';

const tempDir = useTempDirs();

const PROXY = 'http://127.0.0.1:4000';
const health = (state: ModelHealth['state'], checkedAt: number): ModelHealth => ({ state, latencyMs: 120, checkedAt, message: state === 'ok' ? null : 'It failed.' });

describe('the model health records', () => {
  it('answer the last check of each model of one instance, across a restart', async () => {
    const dir = await tempDir();
    const records = openModelHealthRecords(dir);
    records.keep('litellm', PROXY, 'gpt-4o', health('error', 1));
    records.keep('custom:lab', 'http://10.0.0.2:8000', 'gpt-4o', health('ok', 2));
    records.keep('litellm', PROXY, 'gpt-4o', health('ok', 3));
    records.keep('litellm', PROXY, 'o3', health('timeout', 4));
    expect(records.read('litellm', PROXY)).toEqual({ 'gpt-4o': health('ok', 3), o3: health('timeout', 4) });
    records.flush();

    const after = openModelHealthRecords(dir);
    expect(after.read('litellm', PROXY)).toEqual({ 'gpt-4o': health('ok', 3), o3: health('timeout', 4) });
    expect(after.read('custom:lab', 'http://10.0.0.2:8000')).toEqual({ 'gpt-4o': health('ok', 2) });
    expect(after.read('openrouter', PROXY)).toEqual({});
  });

  it('say nothing about another proxy an instance now points at, and drop the old results at its first check', async () => {
    const dir = await tempDir();
    const records = openModelHealthRecords(dir);
    records.keep('litellm', PROXY, 'gpt-4o', health('error', 1));
    records.keep('litellm', PROXY, 'o3', health('error', 2));
    expect(records.read('litellm', 'http://127.0.0.1:5000')).toEqual({});

    records.keep('litellm', 'http://127.0.0.1:5000', 'gpt-4o', health('ok', 3));
    records.flush();
    const after = openModelHealthRecords(dir);
    expect(after.read('litellm', 'http://127.0.0.1:5000')).toEqual({ 'gpt-4o': health('ok', 3) });
    expect(after.read('litellm', PROXY)).toEqual({});
  });

  it.each(UNUSUAL_MODEL_IDS)('keep the result of a model named %j like any other', async (modelId) => {
    const dir = await tempDir();
    const records = openModelHealthRecords(dir);
    records.keep('litellm', PROXY, modelId, health('error', 5));
    records.flush();
    const map = openModelHealthRecords(dir).read('litellm', PROXY);
    expect(Object.keys(map)).toEqual([modelId]);
    expect(Object.hasOwn(map, modelId)).toBe(true);
    expect(map[modelId]?.state).toBe('error');
    expect(({} as Record<string, unknown>)['state']).toBeUndefined();
  });

  it('keep the newest results when there are more than they hold', async () => {
    const dir = await tempDir();
    const records = openModelHealthRecords(dir);
    records.keep('litellm', PROXY, 'old', health('error', 1));
    for (let n = 0; n < MAX_KEPT_RESULTS; n += 1) records.keep('openrouter', PROXY, `m-${n}`, health('ok', 10 + n));
    records.flush();
    const after = openModelHealthRecords(dir);
    expect(Object.keys(after.read('openrouter', PROXY))).toHaveLength(MAX_KEPT_RESULTS);
    expect(after.read('litellm', PROXY)).toEqual({});
  });

  it('write kept results by themselves shortly after, without a flush', async () => {
    const dir = await tempDir();
    openModelHealthRecords(dir).keep('litellm', PROXY, 'gpt-4o', health('ok', 1));
    await new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS * 2));
    expect(openModelHealthRecords(dir).read('litellm', PROXY)).toEqual({ 'gpt-4o': health('ok', 1) });
  });

  it.each([
    ['not JSON at all', '{"litellm": {"gpt'],
    ['a list', '[1, 2, 3]'],
  ])('start empty from a file that is %s, and keep new results', async (_what, text) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'model-health.json'), text);
    const records = openModelHealthRecords(dir);
    expect(records.read('litellm', PROXY)).toEqual({});
    records.keep('litellm', PROXY, 'gpt-4o', health('ok', 1));
    records.flush();
    expect(openModelHealthRecords(dir).read('litellm', PROXY)).toEqual({ 'gpt-4o': health('ok', 1) });
  });

  it('drop a broken result from a hand-edited file and keep its neighbours', async () => {
    const dir = await tempDir();
    const good = health('ok', 1);
    const file = { litellm: { url: PROXY, models: { good, bad: { state: 'fine' }, worse: 7 } }, openrouter: 'nope', 'custom:x': { models: { good } } };
    await writeFile(join(dir, 'model-health.json'), JSON.stringify(file));
    const records = openModelHealthRecords(dir);
    expect(records.read('litellm', PROXY)).toEqual({ good });
    expect(records.read('openrouter', PROXY)).toEqual({});
    expect(records.read('custom:x', PROXY)).toEqual({});
  });
});
