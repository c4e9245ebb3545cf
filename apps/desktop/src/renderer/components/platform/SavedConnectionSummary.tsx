import { addressTerm, type PlatformDescriptor } from '../../lib/platforms';
import type { InstanceView } from '../../lib/platform-calls';

interface SavedConnectionSummaryProps {
  platform: PlatformDescriptor;
  saved: InstanceView;
  disabled: boolean;
  onDisconnect(): void;
}

/** What is saved and in use right now; a failed test or a change not yet saved leaves it as it is. */
export function SavedConnectionSummary({ platform, saved, disabled, onDisconnect }: SavedConnectionSummaryProps) {
  const prefix = platform.testIdPrefix;
  const named = platform.instances === 'named';
  return (
    <section className="saved-summary" aria-label="Saved connection" data-testid={`${prefix}-saved-summary`}>
      <dl className="facts">
        {named ? (
          <>
            <dt>Name</dt>
            <dd data-testid={`${prefix}-saved-name`}>{saved.name}</dd>
          </>
        ) : null}
        <dt>{addressTerm(platform)}</dt>
        <dd data-testid={`${prefix}-saved-url`}>{saved.url}</dd>
        <dt>Model</dt>
        <dd data-testid={`${prefix}-saved-model`}>{saved.selectedModel ?? 'None chosen'}</dd>
        <dt>Key</dt>
        <dd data-testid={`${prefix}-saved-key`}>{saved.keyStored ? `In the system keychain${saved.keyHint ? ` (${saved.keyHint})` : ''}` : 'None'}</dd>
      </dl>
      <button type="button" className="button button-quiet" data-testid={`${prefix}-disconnect-button`} disabled={disabled} onClick={onDisconnect}>
        {named ? 'Remove endpoint' : 'Disconnect'}
      </button>
    </section>
  );
}
