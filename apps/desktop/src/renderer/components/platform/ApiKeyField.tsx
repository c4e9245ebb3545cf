import { useId, useState } from 'react';
import { keyHelpText, keyInputFor, keyPlaceholder, typedKeyProblem, type KeyFieldState } from '../../lib/key-field';
import type { PlatformDescriptor } from '../../lib/platforms';
import { Icon } from '../ui/Icon';

interface ApiKeyFieldProps {
  platform: PlatformDescriptor;
  field: KeyFieldState;
  onType(value: string): void;
  onForget(): void;
  onKeep(): void;
}

/**
 * The API key input. It starts empty even when a key is stored: the stored
 * key never comes to the renderer, the placeholder only says one exists.
 */
export function ApiKeyField({ platform, field, onType, onForget, onKeep }: ApiKeyFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const prefix = platform.testIdPrefix;
  const [visible, setVisible] = useState(false);
  const mode = keyInputFor(field).mode;
  const missing = platform.keyRequired && mode === 'none';
  const problem = typedKeyProblem(field);
  const keychainUnreadable = field.keychainProblem !== null && mode === 'stored';

  return (
    <div className="field">
      <label htmlFor={id}>{platform.keyLabel}</label>
      <div className="input-with-button">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          data-testid={`${prefix}-api-key-input`}
          data-key-mode={mode}
          value={field.typed}
          onChange={(event) => onType(event.target.value)}
          placeholder={keyPlaceholder(field, platform.keyPlaceholder)}
          aria-describedby={helpId}
          aria-invalid={problem !== null}
          aria-required={platform.keyRequired || undefined}
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
          data-testid={`${prefix}-api-key-toggle`}
          onClick={() => setVisible((shown) => !shown)}
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} />
        </button>
      </div>
      <div className="field-help-row">
        <p
          id={helpId}
          className={problem || keychainUnreadable ? 'field-error' : 'field-help'}
          data-testid={`${prefix}-key-status`}
          data-missing={missing || undefined}
          data-invalid={problem !== null || undefined}
          data-keychain-unreadable={keychainUnreadable || undefined}
        >
          {problem ?? keyHelpText(field, platform.keyRequired)}
        </p>
        {/* A platform that needs a key keeps its stored one until another is typed. */}
        {field.stored && !field.forgotten && !platform.keyRequired ? (
          <button type="button" className="link-button" data-testid={`${prefix}-forget-key-button`} onClick={onForget}>
            Forget stored key
          </button>
        ) : null}
        {field.stored && field.forgotten ? (
          <button type="button" className="link-button" data-testid={`${prefix}-keep-key-button`} onClick={onKeep}>
            Keep stored key
          </button>
        ) : null}
      </div>
    </div>
  );
}
