import { useRef, type FormEvent } from 'react';
import { useKeepFocus } from '../../hooks/useKeepFocus';
import { useLiteLLMConnection } from '../../hooks/useLiteLLMConnection';
import type { PlatformPanelProps } from '../settings/platform-panels';
import { Spinner } from '../ui/Spinner';
import { ApiKeyField } from './ApiKeyField';
import { ModelSection } from './ModelSection';
import { SavedConnectionSummary } from './SavedConnectionSummary';
import { SelectedModelLine } from './SelectedModelLine';
import { StatusLineView } from './StatusLineView';
import { UrlField } from './UrlField';

/** Settings for a LiteLLM proxy: URL and key, test, pick a model, save; all calls live in the hook. */
export function LiteLLMPanel({ onConfigChange }: PlatformPanelProps) {
  const connection = useLiteLLMConnection(onConfigChange);
  const { state, catalog, refresh } = connection;
  const testButtonRef = useRef<HTMLButtonElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  useKeepFocus(state.busy === 'testing' || state.busy === 'disconnecting', testButtonRef);
  useKeepFocus(state.busy === 'saving', saveButtonRef);

  if (state.phase === 'loading') {
    return (
      <p className="loading-line" data-testid="litellm-config-loading">
        <Spinner />
        Loading LiteLLM settings…
      </p>
    );
  }

  const testing = state.busy === 'testing';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void connection.testConnection();
  };

  return (
    <section className="platform-panel stack" aria-label="LiteLLM settings" data-testid="litellm-panel">
      {state.saved?.connected ? (
        <SavedConnectionSummary saved={state.saved} disabled={state.busy !== null} onDisconnect={() => void connection.disconnect()} />
      ) : null}

      <form className="stack" noValidate onSubmit={onSubmit}>
        <div className="field-grid">
          <UrlField value={state.url} check={connection.urlCheck} onChange={connection.setUrl} />
          <ApiKeyField field={state.key} onType={connection.typeKey} onForget={connection.forgetKey} onKeep={connection.keepKey} />
        </div>
        <div className="actions">
          <button
            ref={testButtonRef}
            type="submit"
            className="button"
            data-testid="litellm-test-button"
            disabled={!connection.canTest}
            aria-busy={testing}
          >
            {testing ? (
              <>
                <Spinner />
                Testing…
              </>
            ) : (
              'Test Connection'
            )}
          </button>
          <StatusLineView status={state.connection} testId="connection-status" />
        </div>
      </form>

      <ModelSection
        catalog={catalog.state}
        clock={catalog.now}
        selectedId={state.selectedModel}
        currentId={state.saved?.connected ? state.saved.selectedModel : null}
        onSelect={connection.selectModel}
        onRefresh={refresh && catalog.state.url === state.saved?.url ? () => void refresh() : null}
      />

      <div className="actions actions-footer">
        <SelectedModelLine modelId={state.selectedModel} missing={connection.selectedMissing} />
        <StatusLineView status={state.action} testId="save-status" />
        <button
          ref={saveButtonRef}
          type="button"
          className="button button-primary"
          data-testid="litellm-save-button"
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
