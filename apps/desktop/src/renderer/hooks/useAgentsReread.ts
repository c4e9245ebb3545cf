import { useEffect, useRef, useSyncExternalStore } from 'react';
import { opencodeSettingsStore } from '../lib/opencode-settings-store';

/**
 * Reads the agents' files again after what changes them from a platform
 * panel: Use This Model (main rewrites the files kept in sync as part of the
 * save; `savedRevision` goes up) and a write of opencode's config (its
 * section publishes the settings view the write answered).
 */
export function useAgentsReread(savedRevision: number, reload: () => void): void {
  const seenRevision = useRef(savedRevision);
  useEffect(() => {
    if (savedRevision === seenRevision.current) return;
    seenRevision.current = savedRevision;
    reload();
  }, [savedRevision, reload]);

  const opencode = useSyncExternalStore(opencodeSettingsStore.subscribe, opencodeSettingsStore.snapshot).settings;
  const seenOpencode = useRef(opencode);
  useEffect(() => {
    const before = seenOpencode.current;
    seenOpencode.current = opencode;
    // The first read is not a change; only a view that replaces another one is.
    if (before && opencode && before !== opencode) reload();
  }, [opencode, reload]);
}
