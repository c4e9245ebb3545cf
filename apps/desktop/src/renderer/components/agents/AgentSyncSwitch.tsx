import type { AgentView } from '@switchboard/shared';
import { useId } from 'react';
import type { AgentSettingsEditor } from '../../hooks/useAgentSettings';

interface AgentSyncSwitchProps {
  agent: AgentView;
  editor: AgentSettingsEditor;
  /** Something else is under way (a write): the switch waits. */
  disabled?: boolean;
}

/** "Keep <agent> in sync when I choose a model": Use This Model then writes the new model into the agent's file too. */
export function AgentSyncSwitch({ agent, editor, disabled = false }: AgentSyncSwitchProps) {
  const id = useId();
  const on = agent.sync;
  const onChange = () => {
    // One change at a time; the switch stays focusable meanwhile (a disabled one would drop focus).
    if (editor.saving) return;
    const saved = !on ? `Use This Model now updates ${agent.displayName}’s config.` : `Use This Model no longer changes ${agent.displayName}’s config.`;
    void editor.save({ sync: !on }, saved);
  };

  return (
    <div className="opencode-switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="opencode-switch"
        data-testid={`agent-${agent.id}-sync`}
        checked={on}
        aria-checked={on}
        aria-describedby={`${id}-help`}
        disabled={disabled}
        onChange={onChange}
      />
      <label htmlFor={id}>Keep {agent.displayName} in sync when I choose a model</label>
      <span id={`${id}-help`} className="field-help opencode-switch-help">
        {on ? `Use This Model writes the new model into ${agent.displayName}’s config.` : 'Use This Model leaves this file alone; Write applies the change shown.'}
      </span>
    </div>
  );
}
