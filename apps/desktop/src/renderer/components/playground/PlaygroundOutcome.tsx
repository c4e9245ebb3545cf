import { useCatalogStore } from '../../hooks/useModelCatalog';
import { usePlaygroundRunView } from '../../hooks/usePlaygroundRunView';
import { initialRun, sameTarget, type PlaygroundTarget } from '../../lib/playground-run';
import type { RunStore } from '../../lib/playground-run-store';
import { PlaygroundAnswer } from './PlaygroundAnswer';
import { PlaygroundMetrics } from './PlaygroundMetrics';

interface PlaygroundOutcomeProps {
  store: RunStore;
  /** The model chosen now. */
  target: PlaygroundTarget;
}

/**
 * The answer and what it took and cost: the one part of the playground that
 * re-renders as tokens stream in, so the form above it is left alone.
 */
export function PlaygroundOutcome({ store, target }: PlaygroundOutcomeProps) {
  const catalogs = useCatalogStore();
  // The answer on screen is the chosen model's: another model's (asked before a change) is not shown under this one.
  const run = usePlaygroundRunView(store, (current) => (sameTarget(current.target, target) ? current : initialRun));
  // The prices of the model that was asked, which may not be the one chosen since.
  const asked = run.target;
  const model = asked ? catalogs.stateOf(asked.instanceId).models?.find((entry) => entry.id === asked.modelId) : undefined;
  return (
    <>
      <PlaygroundAnswer run={run} />
      <PlaygroundMetrics run={run} model={model} />
    </>
  );
}
