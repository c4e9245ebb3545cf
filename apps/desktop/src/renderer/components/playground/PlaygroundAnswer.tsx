import { useRef } from 'react';
import type { PlaygroundRun } from '../../lib/playground-run';
import { CopyButton } from './CopyButton';

interface PlaygroundAnswerProps {
  run: PlaygroundRun;
}

/** How an answer ended, when that needs saying beside it. */
function endingNote(run: PlaygroundRun): { state: string; text: string } | null {
  if (run.status === 'stopped') return { state: 'stopped', text: 'Stopped: the answer ends where you pressed Stop.' };
  if (run.status === 'done' && run.finish?.ending === 'cut-off') {
    return { state: 'cut-off', text: 'Cut off: the stream ended before the proxy said it was complete, so the answer may be missing its end.' };
  }
  return null;
}

/** What a screen reader hears when the answer ends (an error is an alert of its own). */
function announcement(run: PlaygroundRun, ending: { state: string } | null): string {
  if (run.status === 'streaming') return 'Answering…';
  if (run.status === 'error') return '';
  if (ending?.state === 'stopped') return 'Stopped.';
  if (ending?.state === 'cut-off') return 'The answer was cut off.';
  return 'Answer complete.';
}

/**
 * The answer as it arrives, the reasoning apart and collapsed, how it ended,
 * and the copy buttons. What streamed before a stop or an error stays.
 */
export function PlaygroundAnswer({ run }: PlaygroundAnswerProps) {
  const answerRef = useRef<HTMLDivElement>(null);
  const curlRef = useRef<HTMLElement>(null);
  if (run.status === 'idle') return null;
  const streaming = run.status === 'streaming';
  const ending = endingNote(run);
  const leftOut = run.request?.leftOut ?? [];

  return (
    <section className="playground-answer stack-tight" aria-label="Answer">
      {leftOut.length > 0 ? (
        <p className="notice notice-warning" data-testid="playground-left-out">
          Not sent: {leftOut.join(', ')}. The model's metadata does not list {leftOut.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {run.reasoning !== '' ? (
        <details className="playground-reasoning" data-testid="playground-reasoning">
          <summary>Reasoning</summary>
          <div className="playground-text">{run.reasoning}</div>
        </details>
      ) : null}
      <div
        ref={answerRef}
        className="playground-output playground-text"
        data-testid="playground-output"
        data-state={run.status}
        data-ending={ending?.state}
        aria-busy={streaming}
        aria-label="Answer text"
        tabIndex={0}
      >
        {run.answer}
        {streaming ? <span className="playground-caret" aria-hidden="true" /> : null}
      </div>
      {ending ? (
        <p className="notice notice-warning" data-testid="playground-ending" data-state={ending.state}>
          {ending.text}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="visually-hidden" data-testid="playground-announce">
        {announcement(run, ending)}
      </p>
      {run.error ? (
        <p role="alert" className="status-line status-error" data-testid="playground-error" data-kind={run.error.kind}>
          {run.error.message}
        </p>
      ) : null}
      {!streaming && (run.answer !== '' || run.request) ? (
        <div className="actions">
          {run.answer !== '' ? <CopyButton text={run.answer} label="Copy answer" testId="playground-copy-answer" fallbackTarget={answerRef} /> : null}
          {run.request ? (
            <>
              <CopyButton text={run.request.curl} label="Copy as curl" testId="playground-copy-curl" fallbackTarget={curlRef} />
              <code ref={curlRef} className="visually-hidden" data-testid="playground-curl">
                {run.request.curl}
              </code>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
