import { useOpencodeSettings } from '../../hooks/useOpencodeSettings';
import { StatusLineView } from '../platform/StatusLineView';
import { Spinner } from '../ui/Spinner';
import { OpencodeConfigPathField } from './OpencodeConfigPathField';
import { OpencodePlainKeyOptIn } from './OpencodePlainKeyOptIn';
import { OpencodeRunCommand } from './OpencodeRunCommand';
import { OpencodeResponsesOnlySwitch } from './OpencodeResponsesOnlySwitch';
import { OpencodeSyncSwitch } from './OpencodeSyncSwitch';

/** Settings › opencode: which file to write, keep-in-sync, Responses-only models, the run command, and the plain-key opt-in. */
export function OpencodeSettingsTab() {
  const settings = useOpencodeSettings();
  const view = settings.settings;

  return (
    <div className="stack" data-testid="opencode-settings">
      <div>
        <h3 className="panel-title">opencode</h3>
        <p className="muted">
          When you choose a model, Switchboard adds it to opencode’s config as an OpenAI-compatible provider. The previous file is
          kept beside it as a backup.
        </p>
      </div>
      {view === undefined ? (
        <p className="loading-line" data-testid="opencode-settings-loading">
          <Spinner />
          Loading opencode settings…
        </p>
      ) : view === null ? (
        <p className="status-line status-error" data-testid="opencode-settings-error" data-kind={settings.loadError?.kind}>
          {settings.loadError?.message ?? 'The opencode settings could not be read.'}
        </p>
      ) : (
        <>
          {/* Keyed by the saved path, so a change saved elsewhere resets what is typed here. */}
          <OpencodeConfigPathField key={view.chosenPath ?? ''} view={view} settings={settings} />
          <OpencodeSyncSwitch settings={settings} testId="opencode-settings-sync-toggle" />
          <OpencodeResponsesOnlySwitch settings={settings} />
          <section className="stack-tight" aria-label="Run opencode">
            <h4 className="section-title">Run opencode with your keys</h4>
            <OpencodeRunCommand command={view.runCommand} copyTestId="opencode-settings-copy-run-command" />
          </section>
          <OpencodePlainKeyOptIn settings={settings} warning={view.plainKeyWarning} on={view.writeKeyInFile} />
        </>
      )}
      <StatusLineView status={settings.status} testId="opencode-settings-status" />
    </div>
  );
}
