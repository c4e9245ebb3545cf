import { useMemo, useState } from 'react';
import type { PlaygroundTarget } from '../lib/playground-run';
import { instanceId as instanceIdOf } from '../lib/platforms';
import type { SavedChoice } from '../lib/saved-choices';

interface PlaygroundTargetState {
  /** The connection and model asked; null while nothing is connected with a model. */
  choice: SavedChoice | null;
  modelId: string | null;
  /** The same object for as long as it names the same model, so what hangs on it is read once. */
  target: PlaygroundTarget | null;
  choose(choice: SavedChoice, modelId: string): void;
}

/**
 * The model the playground asks: the model in use until the person picks
 * another (on any connected platform); after that, theirs, for as long as
 * its connection is there.
 */
export function usePlaygroundTarget(choices: readonly SavedChoice[], current: SavedChoice | null): PlaygroundTargetState {
  const [picked, setPicked] = useState<{ instanceId: string; modelId: string } | null>(null);
  const pickedChoice = picked ? choices.find((choice) => instanceIdOf(choice.instance) === picked.instanceId) : undefined;
  const fallback = current ?? choices.find((choice) => choice.view.selectedModel !== null) ?? null;
  const choice = pickedChoice ?? fallback;
  const modelId = pickedChoice && picked ? picked.modelId : (fallback?.view.selectedModel ?? null);
  const instanceId = choice ? instanceIdOf(choice.instance) : null;
  const target = useMemo(() => (instanceId !== null && modelId !== null ? { instanceId, modelId } : null), [instanceId, modelId]);
  return {
    choice,
    modelId,
    target,
    choose: (chosen, id) => setPicked({ instanceId: instanceIdOf(chosen.instance), modelId: id }),
  };
}
