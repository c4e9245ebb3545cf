import { DIAGNOSIS_STEPS, type DiagnosisEvent, type DiagnosisStep, type DiagnosisStepEvent } from '@switchboard/shared';
import type { UiError } from './errors';

/**
 * Test Connection as it runs: each step's latest event, then the report.
 * The steps stay on screen after the run until the next test starts.
 */
export interface DiagnosisRun {
  status: 'idle' | 'running' | 'passed' | 'failed';
  steps: Partial<Record<DiagnosisStep, DiagnosisStepEvent>>;
  /** The plain-text report for Copy report, once the run has ended with one. */
  report: string | null;
  totalMs: number | null;
  /** Why the run failed: core's sentence, or the transport's when the stream broke. */
  error: UiError | null;
}

export const idleDiagnosis: DiagnosisRun = { status: 'idle', steps: {}, report: null, totalMs: null, error: null };

export type DiagnosisAction = { type: 'started' } | { type: 'event'; event: DiagnosisEvent } | { type: 'broke'; error: UiError };

export function diagnosisReducer(run: DiagnosisRun, action: DiagnosisAction): DiagnosisRun {
  switch (action.type) {
    case 'started':
      return { ...idleDiagnosis, status: 'running' };
    case 'broke':
      return { ...run, status: 'failed', error: action.error };
    case 'event': {
      const { event } = action;
      if (event.type === 'step') return { ...run, steps: { ...run.steps, [event.step]: event } };
      if (event.type === 'done') return { ...run, status: 'passed', report: event.report, totalMs: event.totalMs };
      return { ...run, status: 'failed', report: event.report, totalMs: event.totalMs, error: event.error };
    }
  }
}

/** The steps in their order, those not heard of yet left out. */
export function shownSteps(run: DiagnosisRun): DiagnosisStepEvent[] {
  return DIAGNOSIS_STEPS.flatMap((step) => (run.steps[step] ? [run.steps[step]] : []));
}

/** The step that failed with a certificate: the one case where "Trust a CA file…" helps. */
export function certificateFailure(run: DiagnosisRun): DiagnosisStepEvent | null {
  return shownSteps(run).find((step) => step.state === 'fail' && step.certificate !== undefined) ?? null;
}

export const STEP_LABELS: Record<DiagnosisStep, string> = {
  url: 'URL understood',
  dns: 'Name resolved',
  tcp: 'Connected',
  tls: 'TLS',
  alive: 'Proxy alive',
  models: 'Key accepted, models listed',
  metadata: 'Model metadata',
  apis: 'Agent APIs',
};
