import { useSyncExternalStore } from 'react';
import type { PlaygroundRun } from '../lib/playground-run';
import type { RunStore } from '../lib/playground-run-store';

/**
 * The part of the run a component shows: it re-renders only when that part
 * changes. `select` must answer a primitive or an object of the run itself.
 */
export function usePlaygroundRunView<T>(store: RunStore, select: (run: PlaygroundRun) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
