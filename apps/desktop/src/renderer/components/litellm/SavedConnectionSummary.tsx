import type { LiteLLMConfigView } from '@switchboard/shared';

interface SavedConnectionSummaryProps {
  saved: LiteLLMConfigView;
  disabled: boolean;
  onDisconnect(): void;
}

/** What is saved and in use right now; a failed test or a change not yet saved leaves it as it is. */
export function SavedConnectionSummary({ saved, disabled, onDisconnect }: SavedConnectionSummaryProps) {
  return (
    <section className="saved-summary" aria-label="Saved connection" data-testid="litellm-saved-summary">
      <dl className="facts">
        <dt>Proxy</dt>
        <dd data-testid="litellm-saved-url">{saved.url}</dd>
        <dt>Model</dt>
        <dd data-testid="litellm-saved-model">{saved.selectedModel ?? 'None chosen'}</dd>
        <dt>Key</dt>
        <dd>{saved.keyStored ? `In the system keychain${saved.keyHint ? ` (${saved.keyHint})` : ''}` : 'None'}</dd>
      </dl>
      <button type="button" className="button button-quiet" data-testid="litellm-disconnect-button" disabled={disabled} onClick={onDisconnect}>
        Disconnect
      </button>
    </section>
  );
}
