import type { InstanceId } from '@switchboard/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usePlatformNetwork } from '../../hooks/usePlatformNetwork';
import { StatusLineView } from '../platform/StatusLineView';
import { Spinner } from '../ui/Spinner';
import { CaFileField } from './CaFileField';
import { HeaderRowFields } from './HeaderRowFields';

interface PlatformNetworkSectionProps {
  instanceId: InstanceId;
  /** Goes up each time "Trust a CA file…" is chosen: the section opens with the CA file field focused. */
  caRequest: number;
}

/**
 * A platform's own network settings: a CA file and custom headers. Collapsed
 * unless something is set, so the common case stays short.
 */
export function PlatformNetworkSection({ instanceId, caRequest }: PlatformNetworkSectionProps) {
  const id = useId();
  const network = usePlatformNetwork(instanceId);
  const [open, setOpen] = useState<boolean | null>(null);
  // The last "Trust a CA file…" the person closed the section after: a newer one opens it again.
  const [closedAfter, setClosedAfter] = useState(0);
  const caRef = useRef<HTMLInputElement>(null);
  const somethingSet = network.saved !== null && (network.saved.caFile !== null || network.saved.headers.length > 0);
  const shown = caRequest > closedAfter ? true : (open ?? somethingSet);
  const toggle = () => {
    setOpen(!shown);
    setClosedAfter(caRequest);
  };

  // Runs after the section has opened for the request, so the field is there to focus.
  useEffect(() => {
    if (caRequest > 0) caRef.current?.focus();
  }, [caRequest]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void network.save();
  };
  return (
    <section className="platform-network stack-tight" data-testid="platform-network">
      <h4 className="check-title">
        <button type="button" className="disclosure" aria-expanded={shown} aria-controls={`${id}-body`} onClick={toggle}>
          Network
        </button>
      </h4>
      {shown && network.saved === null && network.status === null ? (
        <p className="loading-line">
          <Spinner />
          Loading network settings…
        </p>
      ) : null}
      {/* The form waits for the saved settings, so what main answers never overwrites what is typed. */}
      {shown && (network.saved !== null || network.status !== null) ? (
        <form id={`${id}-body`} className="stack" noValidate onSubmit={onSubmit}>
          <CaFileField id={`${id}-ca`} ref={caRef} value={network.caFile} preview={network.caPreview} onChange={network.setCaFile} />
          <fieldset className="stack-tight">
            <legend>Custom headers</legend>
            <p className="field-help">Sent with every request to this platform, for a gateway in front of it. Secret values go to the keychain.</p>
            {network.headers.length > 0 ? (
              <ul className="header-rows">
                {network.headers.map((row) => (
                  <HeaderRowFields
                    key={row.row}
                    id={`${id}-header-${row.row}`}
                    row={row}
                    onEdit={(change) => network.editHeader(row.row, change)}
                    onRemove={() => network.removeHeader(row.row)}
                  />
                ))}
              </ul>
            ) : null}
            <div>
              <button type="button" className="button button-small" onClick={network.addHeader}>
                Add header
              </button>
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button" data-testid="platform-network-save" disabled={network.busy || network.saved === null} aria-busy={network.busy}>
              {network.busy ? <Spinner /> : null}
              Save network settings
            </button>
            <StatusLineView status={network.status} testId="platform-network-status" />
          </div>
        </form>
      ) : null}
    </section>
  );
}
