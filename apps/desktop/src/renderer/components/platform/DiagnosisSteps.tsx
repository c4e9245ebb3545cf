import { certificateDay, type DiagnosisStepEvent } from '@switchboard/shared';
import { useRef } from 'react';
import { useOpencodeClipboard } from '../../hooks/useOpencodeClipboard';
import { certificateFailure, shownSteps, STEP_LABELS, type DiagnosisRun } from '../../lib/diagnosis-run';
import { Spinner } from '../ui/Spinner';

interface DiagnosisStepsProps {
  run: DiagnosisRun;
  /** Opens the platform's Network section with the CA file field focused. */
  onTrustCa(): void;
}

const STATE_WORDS: Record<DiagnosisStepEvent['state'], string> = { running: 'running', ok: 'passed', fail: 'failed', skip: 'skipped' };
const COPY_SAID = { idle: '', copied: 'Copied', selected: 'Selected: press Ctrl+C (⌘C on a Mac)' } as const;

function StepRow({ step }: { step: DiagnosisStepEvent }) {
  return (
    <li className={`diagnosis-step diagnosis-${step.state}`} data-testid="diagnosis-step" data-step={step.step} data-state={step.state}>
      <span className="diagnosis-mark" aria-hidden="true">
        {step.state === 'running' ? <Spinner /> : step.state === 'ok' ? '✓' : step.state === 'fail' ? '✕' : '–'}
      </span>
      <span className="diagnosis-name">
        {STEP_LABELS[step.step]} <span className="visually-hidden">{STATE_WORDS[step.state]}</span>
      </span>
      <span className="diagnosis-time" data-testid="diagnosis-step-time">
        {/* A skipped step took no time worth saying. */}
        {step.ms === null || step.state === 'skip' ? '' : `${Math.round(step.ms)} ms`}
      </span>
      <span className="diagnosis-detail" data-testid="diagnosis-step-detail">
        {step.detail}
      </span>
      {step.fix ? (
        <span className="diagnosis-fix" data-testid="diagnosis-step-fix">
          {step.fix}
        </span>
      ) : null}
    </li>
  );
}

/**
 * Test Connection's steps as they run, and after, until the next test: what
 * each found, how long it took, and on a failure what to do about it.
 */
export function DiagnosisSteps({ run, onTrustCa }: DiagnosisStepsProps) {
  const reportRef = useRef<HTMLPreElement>(null);
  const clipboard = useOpencodeClipboard(run.report ?? '', reportRef);
  const steps = shownSteps(run);
  if (run.status === 'idle' || (steps.length === 0 && run.report === null)) return null;
  const certificate = certificateFailure(run)?.certificate;
  return (
    <div className="diagnosis stack-tight" data-testid="diagnosis" data-status={run.status}>
      <ol className="diagnosis-steps" aria-label="Test Connection steps" data-testid="diagnosis-steps">
        {steps.map((step) => (
          <StepRow key={step.step} step={step} />
        ))}
      </ol>
      {certificate ? (
        <div className="diagnosis-certificate" data-testid="diagnosis-certificate">
          <p>
            The server offered a certificate for <strong>{certificate.subject}</strong>, issued by <strong>{certificate.issuer}</strong>
            {certificate.selfSigned ? ' (self-signed)' : ''}, valid until {certificateDay(certificate.validTo)}. If your organisation gave you a CA file for it,
            trust that file for this platform only.
          </p>
          <button type="button" className="button" onClick={onTrustCa}>
            Trust a CA file…
          </button>
        </div>
      ) : null}
      {run.report !== null ? (
        <div className="actions">
          <button type="button" className="button button-small" data-testid="diagnosis-copy" onClick={() => void clipboard.copy()}>
            Copy report
          </button>
          <span role="status" aria-live="polite" data-testid="diagnosis-copy-status" data-state={clipboard.state}>
            {COPY_SAID[clipboard.state]}
          </span>
          {run.totalMs !== null ? <span className="muted">{`${Math.round(run.totalMs)} ms in all`}</span> : null}
          <pre ref={reportRef} className="visually-hidden" aria-hidden="true">
            {run.report}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
