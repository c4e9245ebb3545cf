import type { CertificateSummary, InstanceId, PlatformNetworkView } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { invokeResult, invokeSafe } from '../lib/bridge';
import { blankHeaderRow, headerInputs, headerRowOf, type HeaderRow } from '../lib/header-rows';
import { errorLine, type StatusLine } from '../lib/status-line';

/** What the CA file typed holds: its certificates, or the sentence saying why it cannot be used. */
export type CaPreview = { ok: true; certificates: CertificateSummary[] } | { ok: false; problem: string } | null;

export interface PlatformNetwork {
  saved: PlatformNetworkView | null;
  caFile: string;
  caPreview: CaPreview;
  headers: HeaderRow[];
  busy: boolean;
  status: StatusLine | null;
  setCaFile(path: string): void;
  addHeader(): void;
  editHeader(row: number, change: Partial<HeaderRow>): void;
  removeHeader(row: number): void;
  save(): Promise<void>;
}

const READ_AFTER_MS = 300;

function previewOf(view: PlatformNetworkView): CaPreview {
  if (view.caFile === null) return null;
  return view.caCertificates ? { ok: true, certificates: view.caCertificates } : { ok: false, problem: view.caProblem ?? 'The CA file cannot be read.' };
}

/**
 * A platform instance's own network settings (CA file, headers), read when
 * the panel opens; the CA file is read as it is typed, so the person sees
 * what it holds before saving. A failed save keeps everything typed.
 */
export function usePlatformNetwork(instanceId: InstanceId): PlatformNetwork {
  const [saved, setSaved] = useState<PlatformNetworkView | null>(null);
  const [caFile, setCaFileState] = useState('');
  const [caPreview, setCaPreview] = useState<CaPreview>(null);
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const reading = useRef<{ timer: ReturnType<typeof setTimeout> | undefined; path: string }>({ timer: undefined, path: '' });

  const showView = useCallback((view: PlatformNetworkView) => {
    setSaved(view);
    setCaFileState(view.caFile ?? '');
    setCaPreview(previewOf(view));
    setHeaders(view.headers.map(headerRowOf));
  }, []);

  useEffect(() => {
    let active = true;
    void invokeSafe('network:get-platform', { instanceId }).then((read) => {
      if (!active) return;
      if (read.ok) showView(read.value);
      else setStatus(errorLine(read.error));
    });
    return () => {
      active = false;
    };
  }, [instanceId, showView]);
  useEffect(() => () => clearTimeout(reading.current.timer), []);

  const setCaFile = useCallback((path: string) => {
    setCaFileState(path);
    setStatus(null);
    clearTimeout(reading.current.timer);
    reading.current.path = path;
    const trimmed = path.trim();
    if (trimmed === '') {
      setCaPreview(null);
      return;
    }
    reading.current.timer = setTimeout(() => {
      void invokeResult('network:read-ca-file', { path: trimmed }).then((read) => {
        // An answer for a path typed over since is not shown.
        if (reading.current.path !== path) return;
        setCaPreview(read.ok ? { ok: true, certificates: read.value } : { ok: false, problem: read.error.message });
      });
    }, READ_AFTER_MS);
  }, []);

  const addHeader = useCallback(() => setHeaders((rows) => [...rows, blankHeaderRow()]), []);
  const editHeader = useCallback((row: number, change: Partial<HeaderRow>) => {
    setHeaders((rows) => rows.map((each) => (each.row === row ? { ...each, ...change } : each)));
    setStatus(null);
  }, []);
  const removeHeader = useCallback((row: number) => setHeaders((rows) => rows.filter((each) => each.row !== row)), []);

  const save = useCallback(async () => {
    setBusy(true);
    setStatus({ tone: 'progress', text: 'Saving…' });
    const path = caFile.trim();
    const answer = await invokeResult('network:set-platform', { instanceId, caFile: path === '' ? null : path, headers: headerInputs(headers) });
    setBusy(false);
    if (!answer.ok) {
      setStatus(errorLine(answer.error));
      return;
    }
    showView(answer.value);
    setStatus({ tone: 'success', text: 'Saved' });
  }, [instanceId, caFile, headers, showView]);

  return { saved, caFile, caPreview, headers, busy, status, setCaFile, addHeader, editHeader, removeHeader, save };
}
