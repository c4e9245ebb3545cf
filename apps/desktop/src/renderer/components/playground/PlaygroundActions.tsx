import { useId } from 'react';
import type { UiError } from '../../lib/errors';
import { Spinner } from '../ui/Spinner';

interface PlaygroundActionsProps {
  canSend: boolean;
  streaming: boolean;
  /** Stream the answer (on) or ask for it in one piece (off). */
  stream: boolean;
  onStream(stream: boolean): void;
  onStop(): void;
  saveError: UiError | null;
}

/**
 * Send, Stop and the stream switch. The buttons say they cannot be used with
 * aria-disabled rather than `disabled`, so a focused one keeps the focus.
 */
export function PlaygroundActions({ canSend, streaming, stream, onStream, onStop, saveError }: PlaygroundActionsProps) {
  const id = useId();
  return (
    <div className="actions playground-actions">
      <button type="submit" className="button button-primary" data-testid="playground-send" aria-disabled={!canSend} aria-busy={streaming}>
        {streaming ? <Spinner /> : null}
        {streaming ? 'Answering…' : 'Send'}
      </button>
      <button type="button" className="button" data-testid="playground-cancel" aria-disabled={!streaming} onClick={streaming ? onStop : undefined}>
        Stop
      </button>
      <span className="playground-switch">
        <input
          id={`${id}-stream`}
          type="checkbox"
          role="switch"
          data-testid="playground-stream"
          checked={stream}
          aria-checked={stream}
          aria-describedby={`${id}-stream-help`}
          onChange={(event) => onStream(event.target.checked)}
        />
        <label htmlFor={`${id}-stream`}>Stream the answer</label>
        <span id={`${id}-stream-help`} className="visually-hidden">
          Off: the answer is asked for in one piece, for servers that do not stream well.
        </span>
      </span>
      {saveError ? (
        <p className="field-error playground-draft-error" data-testid="playground-draft-error">
          What you typed could not be kept for next time: {saveError.message}
        </p>
      ) : null}
    </div>
  );
}
