import { initialRun, runReducer, type PlaygroundRun, type RunAction } from './playground-run';

/**
 * The playground's run, held outside React state so that each part subscribes
 * to what it shows: the answer re-renders every frame while tokens stream,
 * the form only when streaming starts or ends.
 */
export interface RunStore {
  get(): PlaygroundRun;
  dispatch(action: RunAction): void;
  subscribe(listener: () => void): () => void;
}

export function createRunStore(): RunStore {
  let run = initialRun;
  const listeners = new Set<() => void>();
  return {
    get: () => run,
    dispatch(action) {
      const next = runReducer(run, action);
      if (next === run) return;
      run = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
