import { useId } from 'react';
import type { Availability } from '../../lib/current-model';
import { noLongerOffered } from '../../lib/current-model';
import { currentModelLabel } from '../../lib/format';
import type { HeaderStatus } from '../../lib/header-status';
import { choiceLabel, type SavedChoice } from '../../lib/saved-choices';

interface StatusHeaderProps {
  /** The choice most recently saved (see `saved-choices.ts`). */
  current: SavedChoice | null;
  /** The saved connections are still being read. */
  loading: boolean;
  /** Whether the proxy's latest list still has the saved model. */
  availability: Availability;
  /** Whether the last fetch of the choice's list worked, and why not. */
  status: HeaderStatus;
}

const DOTS = { ok: 'status-dot-on', stale: 'status-dot-stale', none: '' } as const;

/**
 * The header's status line: which platform and model the agent runtime is
 * pointed at, whether its proxy answered the last time it was asked (the
 * reason, when not, on hover and on keyboard focus), and whether it still
 * offers the model.
 */
export function StatusHeader({ current, loading, availability, status }: StatusHeaderProps) {
  const reasonId = useId();
  const label = current ? currentModelLabel(choiceLabel(current), current.view.selectedModel) : null;
  const text = label ?? (loading ? 'Loading…' : 'No model chosen');
  const missing = label !== null && availability === 'missing' ? current?.view.selectedModel : null;
  const stale = status.state === 'stale';
  return (
    <header className="app-header">
      <h1 className="app-title">Overview</h1>
      <div className="header-status">
        {missing ? (
          <p className="model-missing" role="status" data-testid="current-model-missing">
            {noLongerOffered(missing)} Choose another in Settings.
          </p>
        ) : null}
        <div
          className="model-status"
          data-testid="header-status"
          data-state={status.state}
          // Focusable only when there is something to read: the reason the list is out of date.
          tabIndex={stale ? 0 : undefined}
          aria-describedby={stale ? reasonId : undefined}
        >
          <span className={`status-dot ${missing ? 'status-dot-warning' : DOTS[status.state]}`} aria-hidden="true" />
          <p data-testid="current-model" data-state={label ? (missing ? 'missing' : 'chosen') : 'none'} data-platform={current?.instance.platform.id} aria-live="polite">
            {text}
          </p>
          {stale ? (
            <span id={reasonId} role="tooltip" className="status-tooltip" data-testid="header-status-reason">
              Could not refresh the list: {status.reason}
            </span>
          ) : null}
        </div>
      </div>
    </header>
  );
}
