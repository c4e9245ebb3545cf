import { useRef } from 'react';
import { useOpencodeClipboard } from '../../hooks/useOpencodeClipboard';

interface OpencodeRunCommandProps {
  command: string;
  /** The copy button's test id; its status is `<copyTestId>-status`. */
  copyTestId: string;
  /** One line, for the platform panel; Settings shows it with an explanation. */
  compact?: boolean;
}

const COPY_TEXT = { idle: '', copied: 'Copied', selected: 'Selected: press Ctrl+C (⌘C on a Mac) to copy' } as const;

/** The command that starts opencode with the keys from the keychain, with a copy button. */
export function OpencodeRunCommand({ command, copyTestId, compact = false }: OpencodeRunCommandProps) {
  const codeRef = useRef<HTMLElement>(null);
  const { state, copy } = useOpencodeClipboard(command, codeRef);

  return (
    <div className={`opencode-run ${compact ? 'opencode-run-compact' : ''}`}>
      {compact ? (
        <span className="muted">Run opencode with your keys:</span>
      ) : (
        <p className="muted">
          Starts opencode with the API key handed over from the system keychain, so the key never has to be in the config file.
        </p>
      )}
      <span className="opencode-run-line">
        <code ref={codeRef} className="opencode-command" data-testid={`${copyTestId}-text`}>
          {command}
        </code>
        <button type="button" className="button button-small" data-testid={copyTestId} aria-label={`Copy ${command}`} onClick={() => void copy()}>
          Copy
        </button>
        <span role="status" aria-live="polite" className="opencode-copy-status" data-testid={`${copyTestId}-status`} data-state={state}>
          {COPY_TEXT[state]}
        </span>
      </span>
    </div>
  );
}
