import type { LiteLLMConfigView } from '@switchboard/shared';
import type { Availability } from '../../lib/current-model';
import { noLongerOffered } from '../../lib/current-model';
import { currentModelLabel } from '../../lib/format';

interface StatusHeaderProps {
  config: LiteLLMConfigView | null | undefined;
  /** Whether the proxy's latest list still has the saved model. */
  availability: Availability;
}

/** The header's status line: which model the agent runtime is pointed at, and whether the proxy still offers it. */
export function StatusHeader({ config, availability }: StatusHeaderProps) {
  const label = currentModelLabel(config ?? null);
  const text = config === undefined ? 'Loading…' : (label ?? 'No model chosen');
  const missing = label !== null && availability === 'missing' && config?.selectedModel;
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
          aria-live="polite"
        >
          <span className={`status-dot ${label ? (missing ? 'status-dot-warning' : 'status-dot-on') : ''}`} aria-hidden="true" />
          {text}
        </p>
      </div>
    </header>
  );
}
