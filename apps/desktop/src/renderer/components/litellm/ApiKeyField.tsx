import { useId, useState } from 'react';
import { keyHelpText, keyInputFor, keyPlaceholder, type KeyFieldState } from '../../lib/key-field';
import { Icon } from '../ui/Icon';

interface ApiKeyFieldProps {
  field: KeyFieldState;
  onType(value: string): void;
  onForget(): void;
  onKeep(): void;
}

/**
 * The API key input. It starts empty even when a key is stored: the stored
 * key never comes to the renderer, the placeholder only says one exists.
 */
export function ApiKeyField({ field, onType, onForget, onKeep }: ApiKeyFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const [visible, setVisible] = useState(false);
  const mode = keyInputFor(field).mode;

  return (
    <div className="field">
      <label htmlFor={id}>API key (optional)</label>
      <div className="input-with-button">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          data-testid="litellm-api-key-input"
          data-key-mode={mode}
          value={field.typed}
          onChange={(event) => onType(event.target.value)}
          placeholder={keyPlaceholder(field)}
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
        />
        <button
          type="button"
          className="icon-button"
          aria-pressed={visible}
          aria-label={visible ? 'Hide key' : 'Show key'}
          data-testid="litellm-api-key-toggle"
          onClick={() => setVisible((shown) => !shown)}
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} />
        </button>
      </div>
      <div className="field-help-row">
        <p id={helpId} className="field-help" data-testid="litellm-key-status">
          {keyHelpText(field)}
        </p>
        {field.stored && !field.forgotten ? (
          <button type="button" className="link-button" data-testid="litellm-forget-key-button" onClick={onForget}>
            Forget stored key
          </button>
        ) : null}
        {field.stored && field.forgotten ? (
          <button type="button" className="link-button" data-testid="litellm-keep-key-button" onClick={onKeep}>
            Keep stored key
          </button>
        ) : null}
      </div>
    </div>
  );
}
