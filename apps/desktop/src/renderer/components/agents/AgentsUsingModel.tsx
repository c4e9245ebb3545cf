import type { InstanceId } from '@switchboard/shared';
import { useId, type ReactNode } from 'react';
import { useAgents } from '../../hooks/useAgents';
import { useAgentsRereadAfterOpencode, useAgentsRereadAfterSave } from '../../hooks/useAgentsReread';
import { agentsUsing } from '../../lib/agents-entry';

interface AgentsUsingModelProps {
  instanceId: InstanceId;
  /** The model Use This Model saved; null while none is. */
  savedModel: string | null;
  /** Goes up by one each time Use This Model succeeds; 0 before the first time. */
  savedRevision: number;
  /** opencode's own part (its diff, Write config, small model), under the list. */
  children?: ReactNode;
}

/**
 * The platform panel's "Agents using this model": the agents whose entry
 * points at this platform and which model each has, then opencode's section.
 * The list is read again after what changes the files from here: Use This
 * Model, and opencode's write. Everything else about the agents is in Settings › Agents.
 */
export function AgentsUsingModel({ instanceId, savedModel, savedRevision, children }: AgentsUsingModelProps) {
  const titleId = useId();
  const { agents, reload } = useAgents();
  const using = agents ? agentsUsing(agents, instanceId) : [];
  useAgentsRereadAfterSave(savedRevision, reload);
  useAgentsRereadAfterOpencode(reload);

  return (
    <section className="agents-using stack-tight" aria-labelledby={titleId} data-testid="agents-using-model">
      <h4 id={titleId} className="section-title">
        Agents using this model
      </h4>
      {agents === undefined ? null : using.length === 0 ? (
        <p className="muted" data-testid="agents-using-none">
          No agent’s config points at this platform yet. Settings › Agents shows the change for each agent and writes it.
        </p>
      ) : (
        <ul className="agents-using-list" aria-labelledby={titleId}>
          {using.map((agent) => {
            const inStep = agent.entry?.modelId === savedModel;
            return (
              <li key={agent.id} data-testid={`agents-using-${agent.id}`} data-in-sync={inStep}>
                <strong>{agent.displayName}</strong>: {agent.entry?.modelId}
                {inStep ? null : <span className="muted"> (not the model chosen here)</span>}
                {agent.fileProblem !== null ? <span className="field-error"> {agent.fileProblem}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </section>
  );
}
