import type { InstanceId, Model } from '@switchboard/shared';
import { useId, useRef } from 'react';
import { useKeepFocus } from '../../hooks/useKeepFocus';
import { useOpencodeConfigSync } from '../../hooks/useOpencodeConfigSync';
import { useOpencodeSettings } from '../../hooks/useOpencodeSettings';
import { StatusLineView } from '../platform/StatusLineView';
import { Spinner } from '../ui/Spinner';
import { OpencodeChangePreview } from './OpencodeChangePreview';
import { OpencodeRunCommand } from './OpencodeRunCommand';
import { OpencodeSmallModelSelect } from './OpencodeSmallModelSelect';
import { OpencodeSyncSwitch } from './OpencodeSyncSwitch';

export interface OpencodeConfigSectionProps {
  instanceId: InstanceId;
  /** The model Use This Model saved; null while none is. */
  savedModel: string | null;
  /** Goes up by one each time Use This Model succeeds; 0 before the first time. */
  savedRevision: number;
  /** The platform's models, for the optional small model. */
  models: readonly Model[];
}

/**
 * The opencode part of a platform panel: after Use This Model, either the
 * change to opencode's config as a diff with Write config, or (with "keep in
 * sync" on) the write itself; then the sync switch and the run command.
 */
export function OpencodeConfigSection({ instanceId, savedModel, savedRevision, models }: OpencodeConfigSectionProps) {
  const titleId = useId();
  const settings = useOpencodeSettings();
  const { state, write, reviewAgain, apply } = useOpencodeConfigSync({ instanceId, savedModel, savedRevision }, settings);
  const writeButtonRef = useRef<HTMLButtonElement>(null);
  useKeepFocus(state.busy === 'writing', writeButtonRef);
  const view = settings.settings;
  const busy = state.busy !== null;
  const canWrite = state.preview?.changed === true;

  return (
    <section className="opencode-section stack-tight" aria-labelledby={titleId} aria-busy={busy} data-testid="opencode-config-section">
      <h4 id={titleId} className="section-title">
        opencode
      </h4>
      {view === null ? (
        <p className="field-error" data-testid="opencode-settings-error">
          {settings.loadError?.message ?? 'The opencode settings could not be read.'}
        </p>
      ) : null}
      {view && !state.preview ? (
        <p className="muted opencode-target">
          Config file: <code className="opencode-path">{view.configPath}</code>
        </p>
      ) : null}

      {view ? (
        <OpencodeSmallModelSelect
          models={models}
          value={view.smallModels[instanceId] ?? null}
          writeResponsesOnly={view.writeResponsesOnly}
          disabled={busy || settings.saving}
          onChange={(model) => {
            const text = model === null ? 'Small model cleared' : `Small model: ${model}`;
            void settings.change({ smallModel: { instanceId, model } }, text).then((saved) => (saved ? apply() : undefined));
          }}
        />
      ) : null}

      {state.preview ? <OpencodeChangePreview preview={state.preview} /> : null}

      <div className="actions">
        {canWrite ? (
          <button
            ref={writeButtonRef}
            type="button"
            className="button button-primary"
            data-testid="opencode-write-button"
            disabled={busy}
            aria-busy={state.busy === 'writing'}
            onClick={() => void write()}
          >
            {state.busy === 'writing' ? <Spinner /> : null}
            Write config
          </button>
        ) : null}
        {state.reviewAgain ? (
          <button type="button" className="button" data-testid="opencode-review-again-button" disabled={busy} onClick={() => void reviewAgain()}>
            Review again
          </button>
        ) : null}
        {busy && !canWrite ? <Spinner /> : null}
        <StatusLineView status={state.status} testId="opencode-status" />
      </div>

      <OpencodeSyncSwitch settings={settings} testId="opencode-sync-toggle" disabled={busy} />
      {settings.status?.tone === 'error' ? (
        <p className="field-error" role="alert" data-testid="opencode-sync-error" data-kind={settings.status.kind}>
          {settings.status.text}
        </p>
      ) : null}
      {view ? <OpencodeRunCommand command={view.runCommand} copyTestId="opencode-copy-run-command" compact /> : null}
    </section>
  );
}
