import type { CheckEvent, ModelHealth, ModelHealthMap } from '@switchboard/shared';
import type { UiError } from './errors';

/** A health that needs attention: the last check failed or timed out. */
export const checkFailed = (health: ModelHealth | undefined | null): boolean => health !== undefined && health !== null && health.state !== 'ok';

/**
 * One run of Check models: `confirming` waits for the person to accept that
 * it spends tokens; `running` lists results as they arrive; it ends `done`,
 * `stopped` (Stop), or `error` (the check could not run).
 */
type CheckStatus = 'idle' | 'confirming' | 'running' | 'done' | 'stopped' | 'error';

export interface CheckRun {
  status: CheckStatus;
  runId: number;
  /** The models the person is asked to confirm; they become `modelIds` when the check starts. */
  asking: readonly string[];
  /** What the run was before the confirm, to go back to on Cancel. */
  before: Exclude<CheckStatus, 'confirming' | 'running'>;
  /** The models this run covers, in the order they were chosen. */
  modelIds: readonly string[];
  /** This run's results by model id, as they came. */
  results: ModelHealthMap;
  error: UiError | null;
}

export type CheckAction =
  | { type: 'confirm'; modelIds: readonly string[] }
  | { type: 'cancel-confirm' }
  | { type: 'started'; runId: number }
  | { type: 'events'; runId: number; events: readonly CheckEvent[] }
  | { type: 'stopped'; runId: number }
  | { type: 'failed'; runId: number; error: UiError };

export const initialCheck: CheckRun = { status: 'idle', runId: 0, asking: [], before: 'idle', modelIds: [], results: {}, error: null };

function apply(run: CheckRun, event: CheckEvent): CheckRun {
  switch (event.type) {
    case 'health':
      return { ...run, results: { ...run.results, [event.modelId]: event.health } };
    case 'done':
      return { ...run, status: 'done' };
    case 'error':
      return { ...run, status: 'error', error: event.error };
  }
}

export function checkReducer(run: CheckRun, action: CheckAction): CheckRun {
  switch (action.type) {
    case 'confirm':
      if (run.status === 'running' || run.status === 'confirming') return run;
      return { ...run, status: 'confirming', asking: action.modelIds, before: run.status };
    case 'cancel-confirm':
      return run.status === 'confirming' ? { ...run, status: run.before, asking: [] } : run;
    case 'started':
      if (run.status !== 'confirming') return run;
      return { ...run, status: 'running', runId: action.runId, modelIds: run.asking, asking: [], results: {}, error: null };
    default:
      break;
  }
  if (action.runId !== run.runId || run.status !== 'running') return run;
  switch (action.type) {
    case 'events':
      return action.events.reduce((next, event) => (next.status === 'running' ? apply(next, event) : next), run);
    case 'stopped':
      return { ...run, status: 'stopped' };
    case 'failed':
      return { ...run, status: 'error', error: action.error };
  }
}

/** How far a run is: models answered, of how many, and how many of those failed. */
export function checkProgress(run: CheckRun): { checked: number; total: number; failed: number } {
  const results = Object.values(run.results);
  return { checked: results.length, total: run.modelIds.length, failed: results.filter((health) => checkFailed(health)).length };
}
