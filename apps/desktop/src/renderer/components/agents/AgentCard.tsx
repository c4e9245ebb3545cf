import type { AgentView } from '@switchboard/shared';
import { useId } from 'react';
import { useAgentChange } from '../../hooks/useAgentChange';
import { useAgentSettings } from '../../hooks/useAgentSettings';
import type { AgentsList } from '../../hooks/useAgents';
import type { ModelInUse } from '../../lib/agents-entry';
import { StatusLineView } from '../platform/StatusLineView';
import { AgentChangeView } from './AgentChangeView';
import { AgentEntryLine } from './AgentEntryLine';
import { AgentPathField } from './AgentPathField';
import { AgentRunCommand } from './AgentRunCommand';
import { AgentSyncSwitch } from './AgentSyncSwitch';

interface AgentCardProps {
  agent: AgentView;
  inUse: ModelInUse | null;
  list: Pick<AgentsList, 'change' | 'replace'>;
}

/** One agent in Settings › Agents: installed or not, its file, its entry, the change for the model in use, sync, and how to run it. */
export function AgentCard({ agent, inUse, list }: AgentCardProps) {
  const titleId = useId();
  const editor = useAgentSettings(agent.id, list.change);
  const change = useAgentChange(agent, inUse, list.replace);
  const { installed } = agent;

  return (
    <section className="agent-card stack-tight" aria-labelledby={titleId} data-testid={`agent-${agent.id}`}>
      <header className="agent-card-header">
        <h4 id={titleId} className="section-title">
          {agent.displayName}
        </h4>
        <span className={`agent-installed ${installed.found ? 'agent-installed-found' : ''}`} data-testid={`agent-${agent.id}-installed`} data-found={installed.found}>
          {installed.found ? (
            <>
              Installed: <code className="agent-path">{installed.path ?? installed.command}</code>
            </>
          ) : (
            <>
              Not installed: <code>{installed.command}</code> is not on PATH
            </>
          )}
        </span>
      </header>
      <AgentEntryLine agent={agent} inUse={inUse} />
      {/* Keyed by the saved path, so a change saved elsewhere resets what is typed here. */}
      <AgentPathField key={agent.chosenPath ?? ''} agent={agent} editor={editor} />
      {inUse ? <AgentChangeView agent={agent} change={change} /> : null}
      <AgentSyncSwitch agent={agent} editor={editor} disabled={change.state.busy === 'writing'} />
      <StatusLineView status={editor.status} testId={`agent-${agent.id}-settings-status`} />
      <AgentRunCommand agent={agent} />
    </section>
  );
}
