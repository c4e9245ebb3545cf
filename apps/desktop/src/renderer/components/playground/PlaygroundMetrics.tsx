import type { Model } from '@switchboard/shared';
import { runMetrics } from '../../lib/playground-metrics';
import type { PlaygroundRun } from '../../lib/playground-run';

interface PlaygroundMetricsProps {
  run: PlaygroundRun;
  /** The catalog's entry for the model asked, for its prices. */
  model: Model | undefined;
}

/** Speed, tokens and cost of an answer that has ended (stopped and failed ones too: what is known of them). */
export function PlaygroundMetrics({ run, model }: PlaygroundMetricsProps) {
  if (run.status === 'idle' || run.status === 'streaming') return null;
  // A run that failed before anything came has nothing to measure.
  if (run.status === 'error' && run.answer === '' && run.usage === null) return null;
  return (
    <dl className="facts playground-metrics" data-testid="playground-metrics" aria-label="Answer metrics">
      {runMetrics(run, model).map((metric) => (
        <div key={metric.key} className="playground-metric" data-metric={metric.key}>
          <dt>{metric.label}</dt>
          <dd data-known={metric.value !== 'unknown'}>{metric.value}</dd>
        </div>
      ))}
    </dl>
  );
}
