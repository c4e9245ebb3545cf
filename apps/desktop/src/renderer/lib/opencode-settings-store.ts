import type { OpencodeSettingsView } from '@switchboard/shared';
import { invokeSafe } from './bridge';
import type { UiError } from './errors';

interface OpencodeSettingsSnapshot {
  /** undefined while loading; null when it could not be read (`loadError` says why). */
  settings: OpencodeSettingsView | null | undefined;
  loadError: UiError | null;
}

const LOADING: OpencodeSettingsSnapshot = { settings: undefined, loadError: null };

/**
 * opencode's settings as main last described them, for everything that shows
 * them: Settings › opencode and a platform panel's switches stay mounted side
 * by side, and a view either gets, both show. Read from main when the first
 * reader mounts; forgotten when the last one unmounts, so the next opening
 * reads afresh. Components read it with `useSyncExternalStore`.
 */
function createOpencodeSettingsStore() {
  let snapshot = LOADING;
  // Counts openings, so a read answered after its readers unmounted is dropped.
  let opening = 0;
  const listeners = new Set<() => void>();
  const set = (next: OpencodeSettingsSnapshot) => {
    snapshot = next;
    listeners.forEach((listener) => listener());
  };
  const read = (asked: number) => {
    void invokeSafe('opencode:get-settings').then((outcome) => {
      // A view published meanwhile (a write, a change) is newer than this read.
      if (asked !== opening || snapshot.settings !== undefined) return;
      set(outcome.ok ? { settings: outcome.value, loadError: null } : { settings: null, loadError: outcome.error });
    });
  };
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (listeners.size === 1) read(opening);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        opening += 1;
        snapshot = LOADING;
      };
    },
    snapshot: (): OpencodeSettingsSnapshot => snapshot,
    /** A fresh view from main (a change or a write answers one). */
    publish: (view: OpencodeSettingsView) => set({ settings: view, loadError: null }),
  };
}

export const opencodeSettingsStore = createOpencodeSettingsStore();
