import type { ModelCapabilities, PlaygroundDraft } from '@switchboard/shared';
import { invokeResult, invokeSafe, type Outcome } from './bridge';
import type { PlaygroundTarget } from './playground-run';

/** What the model's metadata says it takes: which optional controls to show. */
export function getCapabilities(target: PlaygroundTarget): Promise<Outcome<ModelCapabilities>> {
  return invokeResult('playground:get-capabilities', target);
}

/** The draft last kept for the model, or null. */
export function getDraft(target: PlaygroundTarget): Promise<Outcome<PlaygroundDraft | null>> {
  return invokeSafe('playground:get-draft', target);
}

export function saveDraft(target: PlaygroundTarget, draft: PlaygroundDraft): Promise<Outcome<null>> {
  return invokeResult('playground:save-draft', { ...target, draft });
}
