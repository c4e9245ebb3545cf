import type { AgentView } from '@switchboard/shared';
import { useRef } from 'react';
import { useOpencodeClipboard } from '../../hooks/useOpencodeClipboard';
import { TextWithCode } from '../opencode/TextWithCode';

const COPY_TEXT = { idle: '', copied: 'Copied', selected: 'Selected: press Ctrl+C (⌘C on a Mac) to copy' } as const;

/** How the key reaches the agent without being in its file, and the command that starts it, with a copy button. */
export function AgentRunCommand({ agent }: { agent: AgentView }) {
  const codeRef = useRef<HTMLElement>(null);
  const { state, copy } = useOpencodeClipboard(agent.runCommand, codeRef);
  const testId = `agent-${agent.id}-copy-run-command`;

  return (
    <div className="opencode-run">
      <p className="muted" data-testid={`agent-${agent.id}-key-route`}>
        <TextWithCode text={agent.keyRoute} />
      </p>
      <span className="opencode-run-line">
        <code ref={codeRef} className="opencode-command" data-testid={`${testId}-text`}>
          {agent.runCommand}
        </code>
        <button type="button" className="button button-small" data-testid={testId} aria-label={`Copy ${agent.runCommand}`} onClick={() => void copy()}>
          Copy
        </button>
        <span role="status" aria-live="polite" className="opencode-copy-status" data-testid={`${testId}-status`} data-state={state}>
          {COPY_TEXT[state]}
        </span>
      </span>
    </div>
  );
}
