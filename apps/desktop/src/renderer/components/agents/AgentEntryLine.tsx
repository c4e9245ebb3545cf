import type { AgentView } from '@switchboard/shared';
import { entryState, type ModelInUse } from '../../lib/agents-entry';

/**
 * Whether Switchboard's entry is in the agent's file and points at the model
 * in use; and the file's problem, when it cannot be read (then there is no
 * entry to speak of) or the last keep-in-sync write failed.
 */
export function AgentEntryLine({ agent, inUse }: { agent: AgentView; inUse: ModelInUse | null }) {
  const unreadable = agent.fileProblem !== null && agent.entry === null;
  const state = entryState(agent, inUse);
  return (
    <>
      {agent.fileProblem !== null ? (
        <p className="field-error" data-testid={`agent-${agent.id}-file-problem`}>
          {agent.fileProblem}
        </p>
      ) : null}
      {unreadable ? null : (
        <p className={`agent-entry agent-entry-${state.kind}`} data-testid={`agent-${agent.id}-entry`} data-state={state.kind}>
          {state.text}
        </p>
      )}
    </>
  );
}
