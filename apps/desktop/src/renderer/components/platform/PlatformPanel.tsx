import { useRef, useState, type FormEvent } from 'react';
import { useKeepFocus } from '../../hooks/useKeepFocus';
import { ShownModelHealthContext, useModelHealth } from '../../hooks/useModelHealth';
import { useModelLimits } from '../../hooks/useModelLimits';
import { usePlatformConnection } from '../../hooks/usePlatformConnection';
import { instanceId, type PlatformInstance } from '../../lib/platforms';
import type { PlatformChange } from '../../lib/saved-choices';
import { AgentsUsingModel } from '../agents/AgentsUsingModel';
import { PlatformNetworkSection } from '../network/PlatformNetworkSection';
import { OpencodeConfigSection } from '../opencode/OpencodeConfigSection';
import { Spinner } from '../ui/Spinner';
import { ApiKeyField } from './ApiKeyField';
import { CheckModels } from './CheckModels';
import { DiagnosisSteps } from './DiagnosisSteps';
import { ModelLimitsForm } from './ModelLimitsForm';
import { ModelSection } from './ModelSection';
import { NameField } from './NameField';
import { SavedConnectionSummary } from './SavedConnectionSummary';
import { SelectedModelLine } from './SelectedModelLine';
import { StatusLineView } from './StatusLineView';
import { TestButton } from './TestButton';
import { UrlField } from './UrlField';
import { UrlSuggestion } from './UrlSuggestion';

export interface PlatformPanelProps {
  instance: PlatformInstance;
  onChange(change: PlatformChange): void;
}

/**
 * The settings of one platform instance, whichever platform it is: URL (or
 * the platform's fixed address), key, test, pick a model, save. What differs
 * between platforms comes from the descriptor; all calls live in the hooks.
 */
export function PlatformPanel({ instance, onChange }: PlatformPanelProps) {
  const { platform } = instance;
  const prefix = platform.testIdPrefix;
  const connection = usePlatformConnection(instance, onChange);
  const { state, catalog, refresh } = connection;
  const limits = useModelLimits(connection.calls.setModelLimits, connection.savedViewChanged, refresh);
  const health = useModelHealth(instanceId(instance));
  const testButtonRef = useRef<HTMLButtonElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  useKeepFocus(state.busy === 'testing' || state.busy === 'disconnecting', testButtonRef);
  useKeepFocus(state.busy === 'saving', saveButtonRef);
  const [caRequest, setCaRequest] = useState(0);
  // A custom endpoint has network settings of its own once it is saved (they are kept under its id).
  const hasNetwork = platform.id !== 'custom' || instance.endpointId !== null;

  if (state.phase === 'loading') {
    return (
      <p className="loading-line" data-testid={`${prefix}-config-loading`}>
        <Spinner />
        Loading {platform.displayName} settings…
      </p>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void connection.testConnection();
  };
  const selected = state.selectedModel;
  const savedModel = state.saved?.connected ? state.saved.selectedModel : null;

  return (
    <section className="platform-panel stack" aria-label={`${platform.displayName} settings`} data-testid={`${prefix}-panel`}>
      {state.saved?.connected ? (
        <SavedConnectionSummary platform={platform} saved={state.saved} disabled={state.busy !== null} onDisconnect={() => void connection.disconnect()} />
      ) : null}

      <form className="stack" noValidate onSubmit={onSubmit}>
        <div className="field-grid">
          {platform.instances === 'named' ? <NameField testIdPrefix={prefix} value={state.name} onChange={connection.setName} /> : null}
          <UrlField
            platform={platform}
            value={state.url}
            check={connection.urlCheck}
            offer={connection.urlOffer}
            onChange={connection.setUrl}
            onTakeOffer={connection.takeOffer}
          />
          <ApiKeyField platform={platform} field={state.key} onType={connection.typeKey} onForget={connection.forgetKey} onKeep={connection.keepKey} />
        </div>
        <div className="actions">
          <TestButton ref={testButtonRef} testId={`${prefix}-test-button`} disabled={!connection.canTest} testing={state.busy === 'testing'} />
          <StatusLineView status={state.connection} testId="connection-status" />
          {/* After a failed test: the status line says why, the button tests the address it suggests. */}
          <UrlSuggestion offer={connection.urlOffer?.retest ? connection.urlOffer : null} onTake={connection.takeOffer} />
        </div>
        <DiagnosisSteps run={connection.diagnosis} onTrustCa={() => setCaRequest((count) => count + 1)} />
        {/* Always in the page, so the notice is announced when a test brings one. */}
        <div role="status" aria-live="polite" className="notice-region">
          {state.warning ? (
            <p className="notice notice-warning" data-testid={`${prefix}-key-warning`}>
              {state.warning}
            </p>
          ) : null}
        </div>
      </form>

      {hasNetwork ? <PlatformNetworkSection key={`${instanceId(instance)}:${state.disconnects}`} instanceId={instanceId(instance)} caRequest={caRequest} /> : null}

      <ShownModelHealthContext.Provider value={health}>
        <ModelSection
          testIdPrefix={prefix}
          catalog={catalog.state}
          clock={catalog.now}
          selectedId={selected}
          currentId={state.saved?.connected ? state.saved.selectedModel : null}
          onSelect={connection.selectModel}
          onRefresh={refresh && catalog.state.url === state.saved?.url ? () => void refresh() : null}
        />
      </ShownModelHealthContext.Provider>

      {/* The check asks the saved connection, so it is offered for the saved proxy's list only. */}
      {state.saved?.connected && catalog.state.url === state.saved.url && catalog.state.models?.length ? (
        <CheckModels instanceId={instanceId(instance)} models={catalog.state.models} clock={catalog.now} />
      ) : null}

      {platform.userLimits && selected !== null ? (
        <ModelLimitsForm
          key={selected}
          testIdPrefix={prefix}
          modelId={selected}
          model={catalog.state.models?.find((model) => model.id === selected)}
          typed={state.saved?.modelLimits?.[selected]}
          saver={connection.calls.setModelLimits ? limits : null}
        />
      ) : null}

      {state.saved?.connected || state.saves > 0 ? (
        <AgentsUsingModel instanceId={instanceId(instance)} savedModel={savedModel} savedRevision={state.saves}>
          {/* Renders nothing until a save; then shows (or, in sync, makes) the change to opencode's config. */}
          {state.saves > 0 ? (
            <OpencodeConfigSection instanceId={instanceId(instance)} savedModel={savedModel} savedRevision={state.saves} models={catalog.state.models ?? []} />
          ) : null}
        </AgentsUsingModel>
      ) : null}

      <div className="actions actions-footer">
        <SelectedModelLine testIdPrefix={prefix} modelId={selected} missing={connection.selectedMissing} />
        <StatusLineView status={state.action} testId="save-status" />
        <button
          ref={saveButtonRef}
          type="button"
          className="button button-primary"
          data-testid={`${prefix}-save-button`}
          disabled={!connection.canSave}
          aria-busy={state.busy === 'saving'}
          onClick={() => void connection.save()}
        >
          {state.busy === 'saving' ? <Spinner /> : null}
          Use This Model
        </button>
      </div>
    </section>
  );
}
