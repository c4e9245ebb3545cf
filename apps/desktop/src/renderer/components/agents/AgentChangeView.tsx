import type { AgentView } from '@switchboard/shared';
import { useRef } from 'react';
import type { AgentChange } from '../../hooks/useAgentChange';
import { useKeepFocus } from '../../hooks/useKeepFocus';
import { OpencodeDiff } from '../opencode/OpencodeDiff';
import { StatusLineView } from '../platform/StatusLineView';
import { Spinner } from '../ui/Spinner';

const API_NAMES: Record<AgentView['needs'], string> = {
  'chat-completions': 'OpenAI chat completions',
  responses: 'the OpenAI Responses API',
  'anthropic-messages': 'the Anthropic Messages API',
};

interface AgentChangeViewProps {
  agent: AgentView;
  change: AgentChange;
}

/**
 * What Write would do to the agent's file for the model in use, as a diff
 * shown before anything is written; or, where the platform cannot serve the
 * agent (no API it needs), the sentence saying so instead of Write.
 */
export function AgentChangeView({ agent, change }: AgentChangeViewProps) {
  const { state, write } = change;
  const writeRef = useRef<HTMLButtonElement>(null);
  useKeepFocus(state.busy === 'writing', writeRef);
  const { preview, refusal } = state;
  const id = agent.id;

  return (
    <div className="stack-tight" aria-busy={state.busy !== null} data-testid={`agent-${id}-change`}>
      {/* A file that cannot be read is said once, above; its refusal would repeat it. */}
      {refusal && refusal.message !== agent.fileProblem ? (
        <p className="agent-refusal" data-testid={`agent-${id}-refusal`} data-kind={refusal.kind}>
          {refusal.message}
        </p>
      ) : null}
      {refusal && change.canConfirm && refusal.kind === 'invalid-input' ? (
        <button type="button" className="button" data-testid={`agent-${id}-confirm-api`} onClick={() => void change.confirmApi()}>
          This endpoint has {API_NAMES[agent.needs]}
        </button>
      ) : null}
      {preview && !preview.changed ? (
        <p className="muted" data-testid={`agent-${id}-unchanged`}>
          No changes: {agent.displayName} already uses this model.
        </p>
      ) : null}
      {preview?.changed ? (
        <>
          <p>
            Change to <code className="agent-path">{preview.filePath}</code>
          </p>
          <OpencodeDiff diff={preview.diff} testId={`agent-${id}-diff`} />
        </>
      ) : null}
      <div className="actions">
        {preview?.changed ? (
          <button
            ref={writeRef}
            type="button"
            className="button button-primary"
            data-testid={`agent-${id}-write`}
            aria-label={`Write ${agent.displayName} config`}
            disabled={state.busy !== null}
            aria-busy={state.busy === 'writing'}
            onClick={() => void write()}
          >
            {state.busy === 'writing' ? <Spinner /> : null}
            Write
          </button>
        ) : null}
        {state.busy === 'previewing' && !preview ? <Spinner /> : null}
        <StatusLineView status={state.status} testId={`agent-${id}-status`} />
      </div>
    </div>
  );
}
