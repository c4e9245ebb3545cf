import type { ModelHealth, ModelHealthMap } from '@switchboard/shared';
import { useNow } from '../../hooks/useNow';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format';

interface ModelHealthListProps {
  /** The models to list, in order: this run's first, then those checked before. */
  modelIds: readonly string[];
  health: ModelHealthMap;
  /** Models of this run that have not answered yet. */
  waiting: ReadonlySet<string>;
  clock(): number;
}

const STATE_LABELS = { ok: 'Answers', error: 'Failed', timeout: 'Timed out' } as const;

const latency = (health: ModelHealth) => (health.latencyMs < 1000 ? `${Math.round(health.latencyMs)} ms` : `${(health.latencyMs / 1000).toFixed(1)} s`);

/** Each model's last check: whether it answered, how fast, when, and for a failure the sentence why. */
export function ModelHealthList({ modelIds, health, waiting, clock }: ModelHealthListProps) {
  const now = useNow(clock);
  if (modelIds.length === 0) return null;
  return (
    <ul className="health-list" aria-label="Model check results" data-testid="model-health-list">
      {modelIds.map((modelId) => {
        const result = waiting.has(modelId) ? undefined : health[modelId];
        return (
          <li key={modelId} className="health-row" data-testid="model-health" data-model-id={modelId} data-state={result?.state ?? (waiting.has(modelId) ? 'waiting' : 'unchecked')}>
            <span className="health-model">{modelId}</span>
            {result ? (
              <>
                <span className={`health-state health-state-${result.state}`}>{STATE_LABELS[result.state]}</span>
                <span className="health-latency" data-testid="model-health-latency">
                  {latency(result)}
                </span>
                <time className="health-time muted" dateTime={new Date(result.checkedAt).toISOString()} title={formatAbsoluteTime(result.checkedAt)}>
                  {formatRelativeTime(result.checkedAt, now)}
                </time>
                {result.message ? (
                  <span className="health-message" data-testid="model-health-message">
                    {result.message}
                  </span>
                ) : null}
              </>
            ) : (
              // Not answered: still under way, or left out when the check stopped.
              <span className="health-state muted">{waiting.has(modelId) ? 'Waiting…' : 'Not checked'}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
