import type { NormalizedUrl } from '@switchboard/shared';
import { useId } from 'react';

interface UrlFieldProps {
  value: string;
  check: NormalizedUrl;
  onChange(value: string): void;
}

/** The proxy URL, checked while typing with the same rule main applies. */
export function UrlField({ value, check, onChange }: UrlFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="field">
      <label htmlFor={id}>Proxy URL</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        data-testid="litellm-url-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={!check.ok}
        aria-describedby={messageId}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder="http://localhost:4000"
      />
      <p id={messageId} className={check.ok ? 'field-help' : 'field-error'} data-testid="litellm-url-message">
        {check.ok ? 'The address of your LiteLLM proxy, with or without /v1.' : check.message}
      </p>
    </div>
  );
}
