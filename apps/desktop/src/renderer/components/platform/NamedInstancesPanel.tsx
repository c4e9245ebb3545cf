import { useId } from 'react';
import { useNamedInstances } from '../../hooks/useNamedInstances';
import type { PlatformDescriptor } from '../../lib/platforms';
import type { PlatformChange } from '../../lib/saved-choices';
import { Spinner } from '../ui/Spinner';
import { PlatformPanel } from './PlatformPanel';

interface NamedInstancesPanelProps {
  platform: PlatformDescriptor;
  /** The instance to open first (the one in use), when it is one of this platform's. */
  preferredId: string | null;
  onChange(change: PlatformChange): void;
}

const NEW = '';

/** Several endpoints side by side: pick the one to edit, or add one; the form is the same panel as every platform's. */
export function NamedInstancesPanel({ platform, preferredId, onChange }: NamedInstancesPanelProps) {
  const id = useId();
  const prefix = platform.testIdPrefix;
  const { list, error, instance, panelKey, select, onPanelChange } = useNamedInstances(platform, preferredId, onChange);

  if (list === null) {
    return (
      <p className="loading-line" data-testid={`${prefix}-endpoints-loading`}>
        <Spinner />
        Loading endpoints…
      </p>
    );
  }
  const editing = instance.endpointId;

  return (
    <div className="stack">
      <div className="endpoint-chooser">
        <label htmlFor={id}>Endpoint</label>
        <select
          id={id}
          data-testid={`${prefix}-endpoint-select`}
          value={editing ?? NEW}
          onChange={(event) => select(event.target.value === NEW ? null : event.target.value)}
        >
          {list.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name} — {endpoint.url}
            </option>
          ))}
          {editing === null ? <option value={NEW}>New endpoint (not saved yet)</option> : null}
        </select>
        <button type="button" className="button" data-testid={`${prefix}-add-button`} disabled={editing === null} onClick={() => select(null)}>
          Add endpoint
        </button>
        <span className="muted endpoint-count" data-testid={`${prefix}-endpoint-count`}>
          {list.length === 0 ? 'None saved yet' : `${list.length} saved`}
        </span>
      </div>
      {error ? (
        <p className="status-line status-error" data-kind={error.kind}>
          {error.message}
        </p>
      ) : null}
      <PlatformPanel key={panelKey} instance={instance} onChange={onPanelChange} />
    </div>
  );
}
