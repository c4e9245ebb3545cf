import { useAgents } from '../../hooks/useAgents';
import { useAgentsRereadAfterOpencode } from '../../hooks/useAgentsReread';
import type { ModelInUse } from '../../lib/agents-entry';
import { Spinner } from '../ui/Spinner';
import { AgentCard } from './AgentCard';

interface AgentsTabProps {
  /** The model in use, whose change each agent's card shows; null while none is chosen. */
  inUse: ModelInUse | null;
}

/** Settings › Agents: every coding agent whose config Switchboard writes, each with its file, entry, change, sync and run command. */
export function AgentsTab({ inUse }: AgentsTabProps) {
  const agents = useAgents();
  const list = agents.agents;
  // Settings › opencode changes the opencode agent's path and sync too.
  useAgentsRereadAfterOpencode(agents.reload);

  return (
    <div className="stack" data-testid="settings-agents-tab">
      <div>
        <h3 className="panel-title">Agents</h3>
        <p className="muted">
          Switchboard writes the model in use into each coding agent’s own config. Only its entry changes: everything else in the
          file (comments included) is kept, and the previous file is kept beside it. The key stays in the keychain.
        </p>
        <p className="agents-in-use" data-testid="agents-model-in-use">
          {inUse ? (
            <>
              Model in use: <strong>{inUse.modelId}</strong> on {inUse.platformName}
            </>
          ) : (
            'No model is in use yet: choose one in Proxy Platforms to see what each agent’s file would get.'
          )}
        </p>
      </div>
      {list === undefined ? (
        <p className="loading-line" data-testid="agents-loading">
          <Spinner />
          Looking for agents…
        </p>
      ) : list === null ? (
        <p className="status-line status-error" data-testid="agents-load-error" data-kind={agents.loadError?.kind}>
          {agents.loadError?.message ?? 'The agents could not be listed.'}
        </p>
      ) : (
        <ul className="agent-list">
          {list.map((agent) => (
            <li key={agent.id}>
              <AgentCard agent={agent} inUse={inUse} list={agents} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
