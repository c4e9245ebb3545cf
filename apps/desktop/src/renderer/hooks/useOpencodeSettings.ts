import type { ChannelInput, OpencodeSettingsView } from '@switchboard/shared';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { invokeResult } from '../lib/bridge';
import type { UiError } from '../lib/errors';
import { opencodeSettingsStore } from '../lib/opencode-settings-store';
import { errorLine, type StatusLine } from '../lib/status-line';

type OpencodeSettingsChanges = ChannelInput<'opencode:set-settings'>;

export interface OpencodeSettingsEditor {
  /** undefined while loading; null when it could not be read (`loadError` says why). */
  settings: OpencodeSettingsView | null | undefined;
  loadError: UiError | null;
  /** A change is on its way to main. */
  saving: boolean;
  /** How the last change went: saved, or why not. */
  status: StatusLine | null;
  /** Sends a change; `savedText` is what the status says when it is saved. Resolves true when saved. */
  change(changes: OpencodeSettingsChanges, savedText: string): Promise<boolean>;
  /** A fresh view from elsewhere (a write answers one): shown here and in every other user of this hook. */
  replace(view: OpencodeSettingsView): void;
}

/** opencode's settings in Switchboard (path, sync, plain-key opt-in), read once and kept in step (see the store). */
export function useOpencodeSettings(): OpencodeSettingsEditor {
  const { settings, loadError } = useSyncExternalStore(opencodeSettingsStore.subscribe, opencodeSettingsStore.snapshot);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);

  const change = useCallback(async (changes: OpencodeSettingsChanges, savedText: string) => {
    setSaving(true);
    setStatus({ tone: 'progress', text: 'Saving…' });
    const outcome = await invokeResult('opencode:set-settings', changes);
    setSaving(false);
    if (!outcome.ok) {
      setStatus(errorLine(outcome.error));
      return false;
    }
    setStatus({ tone: 'success', text: savedText });
    opencodeSettingsStore.publish(outcome.value);
    return true;
  }, []);

  return { settings, loadError, saving, status, change, replace: opencodeSettingsStore.publish };
}
