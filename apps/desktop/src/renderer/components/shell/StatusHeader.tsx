import type { Availability } from '../../lib/current-model';
import { noLongerOffered } from '../../lib/current-model';
import { currentModelLabel } from '../../lib/format';
import { choiceLabel, type SavedChoice } from '../../lib/saved-choices';

interface StatusHeaderProps {
  /** The choice most recently saved (see `saved-choices.ts`). */
  current: SavedChoice | null;
  /** The saved connections are still being read. */
  loading: boolean;
  /** Whether the proxy's latest list still has the saved model. */
  availability: Availability;
}

/** The header's status line: which platform and model the agent runtime is pointed at, and whether the proxy still offers it. */
export function StatusHeader({ current, loading, availability }: StatusHeaderProps) {
  const label = current ? currentModelLabel(choiceLabel(current), current.view.selectedModel) : null;
  const text = label ?? (loading ? 'Loading…' : 'No model chosen');
  const missing = label !== null && availability === 'missing' ? current?.view.selectedModel : null;
  return (
    <header className="app-header">
      <h1 className="app-title">Overview</h1>
      <div className="header-status">
        {missing ? (
          <p className="model-missing" role="status" data-testid="current-model-missing">
            {noLongerOffered(missing)} Choose another in Settings.
          </p>
        ) : null}
        <p
          className="model-status"
          data-testid="current-model"
          data-state={label ? (missing ? 'missing' : 'chosen') : 'none'}
          data-platform={current?.instance.platform.id}
          aria-live="polite"
        >
          <span className={`status-dot ${label ? (missing ? 'status-dot-warning' : 'status-dot-on') : ''}`} aria-hidden="true" />
          {text}
        </p>
      </div>
    </header>
  );
}
