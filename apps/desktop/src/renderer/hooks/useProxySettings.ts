import type { ProxyMode, ProxySettingsView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { invokeResult, invokeSafe } from '../lib/bridge';
import { secretField, secretInputFor, type SecretFieldState } from '../lib/secret-field';
import { errorLine, type StatusLine } from '../lib/status-line';

interface ProxyForm {
  mode: ProxyMode;
  url: string;
  username: string;
  password: SecretFieldState;
}

export interface ProxySettings {
  /** What main last said, or null until it has. */
  saved: ProxySettingsView | null;
  form: ProxyForm;
  busy: boolean;
  status: StatusLine | null;
  edit(change: Partial<ProxyForm>): void;
  save(): Promise<void>;
}

function formOf(view: ProxySettingsView): ProxyForm {
  return { mode: view.mode, url: view.url ?? '', username: view.username ?? '', password: secretField(view.hasPassword) };
}

/** Settings › General › Network: the outgoing proxy, read once, saved on request; a failed save keeps what is typed. */
export function useProxySettings(): ProxySettings {
  const [saved, setSaved] = useState<ProxySettingsView | null>(null);
  const [form, setForm] = useState<ProxyForm>({ mode: 'environment', url: '', username: '', password: secretField(false) });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);

  useEffect(() => {
    let active = true;
    void invokeSafe('network:get-proxy').then((read) => {
      if (!active) return;
      if (!read.ok) {
        setStatus(errorLine(read.error));
        return;
      }
      setSaved(read.value);
      setForm(formOf(read.value));
    });
    return () => {
      active = false;
    };
  }, []);

  const edit = useCallback((change: Partial<ProxyForm>) => {
    setForm((before) => ({ ...before, ...change }));
    setStatus(null);
  }, []);

  const save = useCallback(async () => {
    setBusy(true);
    setStatus({ tone: 'progress', text: 'Saving…' });
    const url = form.url.trim();
    const username = form.username.trim();
    const answer = await invokeResult('network:set-proxy', {
      mode: form.mode,
      url: url === '' ? null : url,
      username: username === '' ? null : username,
      password: secretInputFor(form.password),
    });
    setBusy(false);
    if (!answer.ok) {
      setStatus(errorLine(answer.error));
      return;
    }
    setSaved(answer.value);
    setForm(formOf(answer.value));
    setStatus({ tone: 'success', text: 'Saved' });
  }, [form]);

  return { saved, form, busy, status, edit, save };
}
