import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { OpencodeSettingsEditor } from '../../hooks/useOpencodeSettings';
import { TextWithCode } from './TextWithCode';

interface OpencodePlainKeyOptInProps {
  settings: OpencodeSettingsEditor;
  /** The warning main gives for this choice (`plainKeyWarning`). */
  warning: string;
  on: boolean;
}

/**
 * The opt-in to a key in plain text: turning it on first shows the warning
 * and asks again, in place; turning it off needs no confirmation.
 */
export function OpencodePlainKeyOptIn({ settings, warning, on }: OpencodePlainKeyOptInProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);

  const close = () => {
    setConfirming(false);
    checkboxRef.current?.focus();
  };
  const onToggle = () => {
    if (settings.saving) return;
    if (on) void settings.change({ writeKeyInFile: false }, 'The API key stays in the keychain from the next write on.');
    else setConfirming(true);
  };
  // Escape cancels this step, not the whole Settings dialog (which skips an Escape already handled).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };
  const confirm = async () => {
    close();
    await settings.change({ writeKeyInFile: true }, 'The API key goes into the config file from the next write on.');
  };

  return (
    <div className="stack-tight">
      <div className="opencode-switch-row">
        <input
          ref={checkboxRef}
          id={id}
          type="checkbox"
          data-testid="opencode-plain-key-toggle"
          checked={on}
          onChange={onToggle}
        />
        <label htmlFor={id}>Write the API key into the config file (not recommended)</label>
      </div>
      {on ? (
        <p className="warning-text" data-testid="opencode-plain-key-on">
          The key is written in plain text; the file is readable by you only.
        </p>
      ) : null}
      {confirming ? (
        <div role="alert" className="opencode-confirm" data-testid="opencode-plain-key-confirm" onKeyDown={onKeyDown}>
          <p>
            <TextWithCode text={warning} />
          </p>
          <div className="actions">
            <button
              type="button"
              className="button opencode-danger-button"
              data-testid="opencode-plain-key-confirm-button"
              onClick={() => void confirm()}
            >
              Write keys in plain text
            </button>
            <button type="button" className="button" data-testid="opencode-plain-key-cancel-button" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
