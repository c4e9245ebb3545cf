import type { AgentView } from '@switchboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { AgentSettingsEditor } from '../../hooks/useAgentSettings';

interface AgentPathFieldProps {
  agent: AgentView;
  editor: AgentSettingsEditor;
}

/** Which file Switchboard writes for the agent; empty means the agent's default. The agent's own variable (CODEX_HOME, …) wins over it. */
export function AgentPathField({ agent, editor }: AgentPathFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(agent.chosenPath ?? '');
  const chosen = draft.trim();
  const unchanged = chosen === (agent.chosenPath ?? '');
  const override = agent.envOverride?.active ? agent.envOverride.name : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (unchanged || editor.saving || override !== null) return;
    const savedText = chosen === '' ? `Switchboard now writes ${agent.displayName}’s own config.` : 'Saved';
    void editor.save({ configPath: chosen === '' ? null : chosen }, savedText);
  };

  return (
    <form className="field" noValidate onSubmit={onSubmit}>
      <label htmlFor={id}>{agent.displayName} config file</label>
      <div className="input-with-button">
        <input
          id={id}
          type="text"
          spellCheck={false}
          data-testid={`agent-${agent.id}-path-input`}
          value={draft}
          placeholder={agent.chosenPath === null && override === null ? agent.configPath : undefined}
          disabled={override !== null}
          aria-describedby={`${id}-help`}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button" data-testid={`agent-${agent.id}-path-save`} disabled={override !== null || unchanged}>
          Save
        </button>
      </div>
      <p id={`${id}-help`} className="field-help" data-testid={`agent-${agent.id}-path-help`}>
        {override !== null ? (
          <>
            <code>{override}</code> is set, so it wins over this setting: Switchboard writes <code className="agent-path">{agent.configPath}</code>.
          </>
        ) : (
          <>
            Switchboard writes <code className="agent-path">{agent.configPath}</code>. Leave empty for {agent.displayName}’s own config
            {agent.envOverride ? (
              <>
                {' '}
                (<code>{agent.envOverride.name}</code> moves it)
              </>
            ) : null}
            .
          </>
        )}
      </p>
    </form>
  );
}
