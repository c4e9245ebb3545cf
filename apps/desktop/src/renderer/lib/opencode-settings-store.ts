import type { OpencodeSettingsView } from '@switchboard/shared';
import { invokeSafe } from './bridge';
import type { UiError } from './errors';
import { createSnapshotStore } from './snapshot-store';

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
  // Counts openings, so a read answered after its readers unmounted is dropped.
  let opening = 0;
  const store = createSnapshotStore(LOADING, {
    first: () => {
      const asked = opening;
      void invokeSafe('opencode:get-settings').then((outcome) => {
        // A view published meanwhile (a write, a change) is newer than this read.
        if (asked !== opening || store.get().settings !== undefined) return;
        store.set(outcome.ok ? { settings: outcome.value, loadError: null } : { settings: null, loadError: outcome.error });
      });
    },
    last: () => {
      opening += 1;
      // Nobody is left to tell: the next reader starts from "loading" and reads afresh.
      store.set(LOADING);
    },
  });
  return {
    subscribe: store.subscribe,
    snapshot: (): OpencodeSettingsSnapshot => store.get(),
    /** A fresh view from main (a change or a write answers one). */
    publish: (view: OpencodeSettingsView) => store.set({ settings: view, loadError: null }),
  };
}

export const opencodeSettingsStore = createOpencodeSettingsStore();
