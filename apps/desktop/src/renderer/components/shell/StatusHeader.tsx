import type { LiteLLMConfigView } from '@switchboard/shared';
import { currentModelLabel } from '../../lib/format';

/** The header's status line: which model the agent runtime is pointed at. */
export function StatusHeader({ config }: { config: LiteLLMConfigView | null | undefined }) {
  const label = currentModelLabel(config ?? null);
  const text = config === undefined ? 'Loading…' : (label ?? 'No model chosen');
  return (
    <header className="app-header">
      <h1 className="app-title">Overview</h1>
      <p className="model-status" data-testid="current-model" data-state={label ? 'chosen' : 'none'} aria-live="polite">
        <span className={`status-dot ${label ? 'status-dot-on' : ''}`} aria-hidden="true" />
        {text}
      </p>
    </header>
  );
}
