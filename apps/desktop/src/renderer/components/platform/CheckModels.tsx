import { isChatModel, type InstanceId, type Model } from '@switchboard/shared';
import { useId, useMemo, useState } from 'react';
import { useModelHealth } from '../../hooks/useModelHealth';
import { useModelHealthCheck } from '../../hooks/useModelHealthCheck';
import { plural } from '../../lib/format';
import { checkProgress } from '../../lib/model-health';
import { Spinner } from '../ui/Spinner';
import { CheckSelection } from './CheckSelection';
import { ModelHealthList } from './ModelHealthList';

interface CheckModelsProps {
  instanceId: InstanceId;
  models: readonly Model[];
  clock(): number;
}

/**
 * Check models (opt-in, it spends tokens): a one-token request to each
 * chosen model, after a confirm that says how many; results stream in with
 * their latency, and stay with their time.
 */
export function CheckModels({ instanceId, models, clock }: CheckModelsProps) {
  const titleId = useId();
  const health = useModelHealth(instanceId);
  const check = useModelHealthCheck(instanceId);
  const { run } = check;
  const chatIds = useMemo(() => models.filter(isChatModel).map((model) => model.id), [models]);
  const [mode, setMode] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selected = mode === 'all' ? chatIds : chatIds.filter((modelId) => chosen.has(modelId));
  const running = run.status === 'running';
  const progress = checkProgress(run);
  const toggle = (modelId: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(modelId)) next.add(modelId);
      return next;
    });

  // This run's models in its order, then every other model checked before.
  const listed = useMemo(() => [...run.modelIds, ...Object.keys(health).filter((modelId) => !run.modelIds.includes(modelId))], [run.modelIds, health]);
  const waiting = useMemo(() => new Set(running ? run.modelIds.filter((modelId) => !(modelId in run.results)) : []), [running, run.modelIds, run.results]);

  return (
    <section className="check-models stack-tight" aria-labelledby={titleId} data-testid="check-models">
      <h4 id={titleId} className="check-title">
        Check models
      </h4>
      <p className="muted">Sends a one-token request to each model to see that it answers, and how fast. This spends tokens.</p>
      {run.status === 'confirming' ? (
        <div className="notice notice-warning check-confirm" role="alertdialog" aria-label="Confirm the check" data-testid="check-models-confirm-step">
          <p>
            This sends a request to {plural(run.asking.length, 'model', 'models')} and spends tokens on each (the prompt and one token of answer).
          </p>
          <div className="actions">
            <button type="button" className="button button-primary" data-testid="check-models-confirm" autoFocus onClick={check.start}>
              Check {plural(run.asking.length, 'model', 'models')}
            </button>
            <button type="button" className="button" data-testid="check-models-cancel" onClick={check.cancelAsk}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {running ? null : <CheckSelection chatIds={chatIds} mode={mode} chosen={chosen} onMode={setMode} onToggle={toggle} />}
          <div className="actions">
            {running ? (
              <button type="button" className="button" data-testid="check-models-stop" onClick={check.stop}>
                Stop
              </button>
            ) : (
              <button
                type="button"
                className="button"
                data-testid="check-models-button"
                aria-disabled={selected.length === 0}
                onClick={selected.length === 0 ? undefined : () => check.ask(selected)}
              >
                Check {plural(selected.length, 'model', 'models')}…
              </button>
            )}
            <p role="status" aria-live="polite" className="status-line status-progress" data-testid="check-models-progress" data-state={run.status}>
              {running ? <Spinner /> : null}
              {run.status === 'idle' ? '' : `${progressText(run.status)} ${progress.checked} of ${progress.total}${progress.failed > 0 ? ` · ${progress.failed} failed` : ''}`}
            </p>
          </div>
        </>
      )}
      {run.error ? (
        <p role="alert" className="status-line status-error" data-testid="check-models-error" data-kind={run.error.kind}>
          {run.error.message}
        </p>
      ) : null}
      <ModelHealthList modelIds={listed} health={{ ...health, ...run.results }} waiting={waiting} clock={clock} />
    </section>
  );
}

function progressText(status: string): string {
  if (status === 'running') return 'Checking:';
  if (status === 'stopped') return 'Stopped after';
  return 'Checked';
}
