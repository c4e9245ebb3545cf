import type { NormalizedUrl } from '@switchboard/shared';
import { useId, useRef } from 'react';
import type { PlatformDescriptor } from '../../lib/platforms';
import type { UrlOffer } from '../../lib/url-offer';
import { UrlSuggestion } from './UrlSuggestion';

interface UrlFieldProps {
  platform: PlatformDescriptor;
  value: string;
  check: NormalizedUrl;
  /** The address offered while typing (the base of a pasted LiteLLM page); an offer after a test is shown by the status line. */
  offer: UrlOffer | null;
  onChange(value: string): void;
  onTakeOffer(offer: UrlOffer): void;
}

/** The proxy URL, checked while typing with the same rule main applies; read-only where the platform has one address. */
export function UrlField({ platform, value, check, offer, onChange, onTakeOffer }: UrlFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // The button goes away once taken: focus goes back to the field rather than to the page.
  const take = (taken: UrlOffer) => {
    onTakeOffer(taken);
    inputRef.current?.focus();
  };
  const messageId = `${id}-message`;
  const fixed = platform.urlField === 'fixed';
  return (
    <div className="field">
      <label htmlFor={id}>{platform.urlLabel}</label>
      <input
        ref={inputRef}
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
      {fixed ? null : <UrlSuggestion offer={offer?.retest ? null : offer} onTake={take} />}
    </div>
  );
}
