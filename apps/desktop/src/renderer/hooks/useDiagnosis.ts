import type { DiagnoseInput, DiagnosisResult, StreamHandle } from '@switchboard/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Outcome } from '../lib/bridge';
import { diagnosisReducer, idleDiagnosis, type DiagnosisRun } from '../lib/diagnosis-run';
import { openStream } from '../lib/stream';

export interface Diagnosis {
  run: DiagnosisRun;
  /** Runs Test Connection step by step; settles to what the panel goes on with, as the one-shot test did. */
  start(input: DiagnoseInput): Promise<Outcome<DiagnosisResult>>;
}

const cancelled = { kind: 'transport', message: 'Test Connection was stopped.' } as const;

/**
 * `connection:diagnose` for one panel: each step shown as it starts and ends.
 * Leaving the panel stops the run (and so the requests behind it).
 */
export function useDiagnosis(): Diagnosis {
  const [run, dispatch] = useReducer(diagnosisReducer, idleDiagnosis);
  const live = useRef<StreamHandle | null>(null);
  useEffect(
    () => () => {
      live.current?.cancel();
      live.current = null;
    },
    [],
  );

  const start = useCallback(
    (input: DiagnoseInput) =>
      new Promise<Outcome<DiagnosisResult>>((resolve) => {
        live.current?.cancel();
        dispatch({ type: 'started' });
        let settled: Outcome<DiagnosisResult> | null = null;
        const handle = openStream('connection:diagnose', input, {
          onEvent(event) {
            dispatch({ type: 'event', event });
            if (event.type === 'done') settled = { ok: true, value: event.result };
            if (event.type === 'error') settled = { ok: false, error: event.error };
          },
          onEnd(error) {
            if (live.current === handle) live.current = null;
            if (error) dispatch({ type: 'broke', error });
            resolve(error ? { ok: false, error } : (settled ?? { ok: false, error: cancelled }));
          },
        });
        live.current = handle;
      }),
    [],
  );

  return { run, start };
}
