import type { CheckEvent, ModelHealth } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import { checkFailed, checkProgress, checkReducer, initialCheck, type CheckAction, type CheckRun } from '../../src/renderer/lib/model-health';

const run = (...actions: CheckAction[]): CheckRun => actions.reduce(checkReducer, initialCheck);
const ok: ModelHealth = { state: 'ok', latencyMs: 120, checkedAt: 1_000, message: null };
const failed: ModelHealth = { state: 'error', latencyMs: 40, checkedAt: 1_000, message: 'The proxy does not know the model fake-down.' };
const health = (modelId: string, result: ModelHealth): CheckEvent => ({ type: 'health', modelId, health: result });

describe('a check run', () => {
  test('nothing is sent before the person confirms; cancelling the confirm goes back', () => {
    const asking = run({ type: 'confirm', modelIds: ['gpt-4o', 'fake-down'] });
    expect(asking.status).toBe('confirming');
    expect(checkReducer(asking, { type: 'cancel-confirm' }).status).toBe('idle');
    // A start that was never confirmed starts nothing.
    expect(run({ type: 'started', runId: 1 }).status).toBe('idle');
  });

  test("a confirm cancelled after a check leaves that check's models and results as they were", () => {
    const done = run(
      { type: 'confirm', modelIds: ['gpt-4o'] },
      { type: 'started', runId: 1 },
      { type: 'events', runId: 1, events: [health('gpt-4o', ok), { type: 'done', checked: 1, failed: 0 }] },
    );
    const back = checkReducer(checkReducer(done, { type: 'confirm', modelIds: ['fake-down', 'slow'] }), { type: 'cancel-confirm' });
    expect(back.status).toBe('done');
    expect(back.modelIds).toEqual(['gpt-4o']);
    expect(Object.keys(back.results)).toEqual(['gpt-4o']);
  });

  test('results arrive one by one with the progress, then done', () => {
    const started = run({ type: 'confirm', modelIds: ['gpt-4o', 'fake-down', 'slow'] }, { type: 'started', runId: 1 });
    const partway = checkReducer(started, { type: 'events', runId: 1, events: [health('gpt-4o', ok), health('fake-down', failed)] });
    expect(partway.status).toBe('running');
    expect(checkProgress(partway)).toEqual({ checked: 2, total: 3, failed: 1 });
    const done = checkReducer(partway, { type: 'events', runId: 1, events: [health('slow', { ...failed, state: 'timeout' }), { type: 'done', checked: 3, failed: 2 }] });
    expect(done.status).toBe('done');
    expect(checkProgress(done)).toEqual({ checked: 3, total: 3, failed: 2 });
  });

  test('Stop keeps what came; a late result of a stopped run is dropped', () => {
    const started = run({ type: 'confirm', modelIds: ['gpt-4o', 'fake-down'] }, { type: 'started', runId: 1 }, { type: 'events', runId: 1, events: [health('gpt-4o', ok)] });
    const stopped = checkReducer(started, { type: 'stopped', runId: 1 });
    expect(stopped.status).toBe('stopped');
    expect(checkReducer(stopped, { type: 'events', runId: 1, events: [health('fake-down', failed)] })).toBe(stopped);
    expect(Object.keys(stopped.results)).toEqual(['gpt-4o']);
  });

  test('a check that could not start says why', () => {
    const error = { kind: 'unauthorized' as const, message: 'The proxy refused the API key.' };
    const state = run({ type: 'confirm', modelIds: ['gpt-4o'] }, { type: 'started', runId: 1 }, { type: 'events', runId: 1, events: [{ type: 'error', error, totalMs: 3 }] });
    expect(state.status).toBe('error');
    expect(state.error).toEqual(error);
  });

  test('only an error or a timeout flags a model', () => {
    expect(checkFailed(ok)).toBe(false);
    expect(checkFailed(failed)).toBe(true);
    expect(checkFailed({ ...failed, state: 'timeout' })).toBe(true);
    expect(checkFailed(undefined)).toBe(false);
  });
});
