import type { OpencodeSettingsView } from '@switchboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { OpencodeSettingsEditor } from '../../hooks/useOpencodeSettings';

/** opencode's own global config, as shown when Switchboard cannot tell the resolved default. */
const DEFAULT_HINT = '~/.config/opencode/opencode.json';

interface OpencodeConfigPathFieldProps {
  view: OpencodeSettingsView;
  settings: OpencodeSettingsEditor;
}

/** Which file Switchboard writes; empty means opencode's global config. SWITCHBOARD_OPENCODE_CONFIG wins over it. */
export function OpencodeConfigPathField({ view, settings }: OpencodeConfigPathFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(view.chosenPath ?? '');
  const chosen = draft.trim();
  const unchanged = chosen === (view.chosenPath ?? '');
  // With nothing chosen (and no override), the file in use is the default.
  const placeholder = view.chosenPath === null && !view.overriddenByEnv ? view.configPath : DEFAULT_HINT;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (unchanged || settings.saving) return;
    const savedText = chosen === '' ? 'Switchboard now writes opencode’s global config.' : 'Saved';
    void settings.change({ configPath: chosen === '' ? null : chosen }, savedText);
  };

  return (
    <form className="field" noValidate onSubmit={onSubmit}>
      <label htmlFor={id}>Config file</label>
      <div className="input-with-button">
        <input
          id={id}
          type="text"
          spellCheck={false}
          data-testid="opencode-config-path-input"
          value={draft}
          placeholder={placeholder}
          disabled={view.overriddenByEnv}
          aria-describedby={`${id}-help`}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button
          type="submit"
          className="button"
          data-testid="opencode-config-path-save"
          disabled={view.overriddenByEnv || unchanged}
        >
          Save
        </button>
      </div>
      <p id={`${id}-help`} className="field-help" data-testid="opencode-config-path-help">
        {view.overriddenByEnv ? (
          <>
            <code>SWITCHBOARD_OPENCODE_CONFIG</code> is set, so it wins over this setting: Switchboard writes{' '}
            <code className="opencode-path">{view.configPath}</code>.
          </>
        ) : (
          <>
            Switchboard writes <code className="opencode-path">{view.configPath}</code>. Leave empty for opencode’s global config.
          </>
        )}
      </p>
    </form>
  );
}
