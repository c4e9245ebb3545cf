import { useEffect, useRef, useSyncExternalStore } from 'react';
import { opencodeSettingsStore } from '../lib/opencode-settings-store';

/** Reads the agents' files again after Use This Model: main rewrites the files kept in sync as part of the save (`savedRevision` goes up). */
export function useAgentsRereadAfterSave(savedRevision: number, reload: () => void): void {
  const seenRevision = useRef(savedRevision);
  useEffect(() => {
    if (savedRevision === seenRevision.current) return;
    seenRevision.current = savedRevision;
    reload();
  }, [savedRevision, reload]);
}

/**
 * Reads the agents again when opencode's settings view changes: opencode's
 * section and Settings › opencode write its file and change its path and
 * sync, which are the opencode agent's too.
 */
export function useAgentsRereadAfterOpencode(reload: () => void): void {
  const opencode = useSyncExternalStore(opencodeSettingsStore.subscribe, opencodeSettingsStore.snapshot).settings;
  const seen = useRef(opencode);
  useEffect(() => {
    const before = seen.current;
    seen.current = opencode;
    // The first read is not a change; only a view that replaces another one is.
    if (before && opencode && before !== opencode) reload();
  }, [opencode, reload]);
}
