import { useId } from 'react';

interface NameFieldProps {
  testIdPrefix: string;
  value: string;
  onChange(value: string): void;
}

/** What the user calls an endpoint; it also names its keychain account, so it is required. */
export function NameField({ testIdPrefix, value, onChange }: NameFieldProps) {
  const id = useId();
  const missing = value.trim() === '';
  return (
    <div className="field">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        type="text"
        data-testid={`${testIdPrefix}-name-input`}
        value={value}
        maxLength={80}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-help`}
        aria-required="true"
        autoComplete="off"
        spellCheck={false}
        placeholder="My vLLM server"
      />
      <p id={`${id}-help`} className="field-help">
        {missing ? 'Give the endpoint a name to save it.' : 'Shown in Switchboard and in the header.'}
      </p>
    </div>
  );
}
