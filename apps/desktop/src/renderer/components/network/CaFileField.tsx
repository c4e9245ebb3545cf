import { certificateDay } from '@switchboard/shared';
import type { Ref } from 'react';
import type { CaPreview } from '../../hooks/usePlatformNetwork';

interface CaFileFieldProps {
  id: string;
  ref: Ref<HTMLInputElement>;
  value: string;
  preview: CaPreview;
  onChange(path: string): void;
}

/** The path of a PEM file whose certificates this platform's requests trust besides the system's; what it holds is shown as typed. */
export function CaFileField({ id, ref, value, preview, onChange }: CaFileFieldProps) {
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label htmlFor={id}>CA file</label>
      <input
        ref={ref}
        id={id}
        type="text"
        value={value}
        placeholder="/path/to/corporate-ca.pem"
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={helpId}
        aria-invalid={preview?.ok === false || undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <div id={helpId} data-testid="network-ca-preview">
        {preview === null ? (
          <p className="field-help">Trusted for this platform only, on top of the system&apos;s certificates.</p>
        ) : preview.ok ? (
          <ul className="ca-certificates">
            {preview.certificates.map((certificate) => (
              <li key={certificate.fingerprint} data-testid="network-ca-certificate">
                <strong>{certificate.subject}</strong> · issued by {certificate.issuer}
                {certificate.selfSigned ? ' (self-signed)' : ''} · expires {certificateDay(certificate.validTo)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-error" data-testid="network-ca-problem">
            {preview.problem}
          </p>
        )}
      </div>
    </div>
  );
}
