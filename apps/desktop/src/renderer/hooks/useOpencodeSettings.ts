import type { ChannelInput, OpencodeSettingsView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { invokeResult, invokeSafe } from '../lib/bridge';
import type { UiError } from '../lib/errors';
import { errorLine, type StatusLine } from '../lib/status-line';

export type OpencodeSettingsChanges = ChannelInput<'opencode:set-settings'>;

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

// Settings > opencode and the platform panel's switch stay mounted side by side: a view either gets, both show.
const listeners = new Set<(view: OpencodeSettingsView) => void>();
const publish = (view: OpencodeSettingsView) => listeners.forEach((listener) => listener(view));

/** opencode's settings in Switchboard (path, sync, plain-key opt-in), read once and kept in step. */
export function useOpencodeSettings(): OpencodeSettingsEditor {
  const [settings, setSettings] = useState<OpencodeSettingsView | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);

  useEffect(() => {
    let active = true;
    const listener = (view: OpencodeSettingsView) => {
      setSettings(view);
      setLoadError(null);
    };
    listeners.add(listener);
    void invokeSafe('opencode:get-settings').then((outcome) => {
      if (!active) return;
      // A view published meanwhile (a write, a change) is newer than this first read.
      setSettings((current) => current ?? (outcome.ok ? outcome.value : null));
      if (!outcome.ok) setLoadError(outcome.error);
    });
    return () => {
      active = false;
      listeners.delete(listener);
    };
  }, []);

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
    publish(outcome.value);
    return true;
  }, []);

  return { settings, loadError, saving, status, change, replace: publish };
}
