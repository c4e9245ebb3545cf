import type { NormalizedUrl } from '@switchboard/shared';
import { useId } from 'react';
import type { PlatformDescriptor } from '../../lib/platforms';

interface UrlFieldProps {
  platform: PlatformDescriptor;
  value: string;
  check: NormalizedUrl;
  onChange(value: string): void;
}

/** The proxy URL, checked while typing with the same rule main applies; read-only where the platform has one address. */
export function UrlField({ platform, value, check, onChange }: UrlFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const fixed = platform.urlField === 'fixed';
  return (
    <div className="field">
      <label htmlFor={id}>{platform.urlLabel}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        data-testid={`${platform.testIdPrefix}-url-input`}
        value={value}
        readOnly={fixed}
        onChange={fixed ? undefined : (event) => onChange(event.target.value)}
        aria-invalid={!check.ok}
        aria-describedby={messageId}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={platform.defaultUrl}
      />
      <p id={messageId} className={check.ok ? 'field-help' : 'field-error'} data-testid={`${platform.testIdPrefix}-url-message`}>
        {check.ok ? platform.urlHelp : check.message}
      </p>
    </div>
  );
}
