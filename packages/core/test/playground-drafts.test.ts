import { DEFAULT_GENERATION_PARAMS, type PlaygroundDraft } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { createPlaygroundDrafts, DRAFT_LIMITS } from '../src/store/playground-drafts.js';
import { useTempDirs } from './support/temp-dir.js';
import { UNUSUAL_MODEL_IDS } from './support/unusual-model-ids.js';

const tempDir = useTempDirs();

const draft = (prompt: string, extra: Partial<PlaygroundDraft> = {}): PlaygroundDraft => ({
  system: '',
  prompt,
  params: DEFAULT_GENERATION_PARAMS,
  stream: true,
  ...extra,
});

/** The drafts over a real settings file, opened again as a restart would. */
async function folder() {
  const dir = await tempDir();
  return () => createPlaygroundDrafts(openSettingsStore(dir).store);
}

describe('the playground drafts', () => {
  it('keep a draft per instance and model across a restart, the later save winning', async () => {
    const open = await folder();
    const before = open();
    const params = { ...DEFAULT_GENERATION_PARAMS, temperature: 0.3, stop: ['END'], responseFormat: { type: 'json_schema' as const, schema: '{"type":"object"}' } };
    before.keep('litellm', 'gpt-4o', draft('first'), 1);
    before.keep('litellm', 'gpt-4o', draft('second', { system: 'Be brief.', params, stream: false }), 2);
    before.keep('custom:lab', 'gpt-4o', draft('the lab one'), 3);

    const after = open();
    expect(after.read('litellm', 'gpt-4o')).toEqual(draft('second', { system: 'Be brief.', params, stream: false }));
    expect(after.read('custom:lab', 'gpt-4o')?.prompt).toBe('the lab one');
    expect(after.read('openrouter', 'gpt-4o')).toBeNull();
  });

  it.each(UNUSUAL_MODEL_IDS)('keep a draft for a model named %j like any other', async (modelId) => {
    const open = await folder();
    open().keep('litellm', modelId, draft('hello'), 1);
    open().keep('litellm', 'plain', draft('neighbour'), 2);
    expect(open().read('litellm', modelId)?.prompt).toBe('hello');
    expect(open().read('litellm', 'plain')?.prompt).toBe('neighbour');
    expect(({} as Record<string, unknown>)['draft']).toBeUndefined();
  });

  it('keep the most recent drafts once there are more than they hold, the oldest going first', async () => {
    const open = await folder();
    const drafts = open();
    for (let n = 0; n <= DRAFT_LIMITS.count; n += 1) drafts.keep('litellm', `model-${n}`, draft(`prompt ${n}`), 1000 + n);
    const after = open();
    expect(after.read('litellm', 'model-0')).toBeNull();
    expect(after.read('litellm', 'model-1')?.prompt).toBe('prompt 1');
    expect(after.read('litellm', `model-${DRAFT_LIMITS.count}`)?.prompt).toBe(`prompt ${DRAFT_LIMITS.count}`);
  });

  it('drop the oldest long drafts once all of them together pass the bound, and always keep the one just saved', async () => {
    const open = await folder();
    const drafts = open();
    const long = 'x'.repeat(99_000);
    const fits = Math.floor(DRAFT_LIMITS.chars / (2 * 99_000));
    for (let n = 0; n < fits + 2; n += 1) drafts.keep('litellm', `model-${n}`, draft(long, { system: long }), 1000 + n);
    const after = open();
    const kept = Array.from({ length: fits + 2 }, (_, n) => after.read('litellm', `model-${n}`) !== null);
    expect(kept.filter(Boolean).length).toBeLessThanOrEqual(fits);
    expect(kept.at(-1)).toBe(true);
    expect(kept[0]).toBe(false);
  });
});
