import { DEFAULT_GENERATION_PARAMS, type GenerationParams, type PlaygroundDraft } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiError } from '../lib/errors';
import { getDraft, saveDraft } from '../lib/playground-calls';
import type { PlaygroundTarget } from '../lib/playground-run';

const EMPTY_DRAFT: PlaygroundDraft = { system: '', prompt: '', params: DEFAULT_GENERATION_PARAMS, stream: true };

/** Typing pauses this long before the draft is kept: one write per pause, not per keystroke. */
const SAVE_AFTER_MS = 400;

interface DraftEditor {
  draft: PlaygroundDraft;
  /** Counts the drafts read back from main: fields holding typed text take the new values when it changes. */
  revision: number;
  /** The model's kept draft has been read (or there was none). */
  loaded: boolean;
  /** Keeping the draft failed: what was typed stays on screen, but not across a restart. */
  saveError: UiError | null;
  update(change: Partial<PlaygroundDraft>): void;
  updateParams(change: Partial<GenerationParams>): void;
}

const keyOf = (target: PlaygroundTarget | null) => (target ? `${target.instanceId}\n${target.modelId}` : '');

/**
 * What is typed in the playground, per model: read back when the model is
 * chosen (or the app starts), kept a moment after each change. A model
 * without a kept draft keeps what is on screen, so a prompt can be tried on
 * another model as it is.
 */
export function usePlaygroundDraft(target: PlaygroundTarget | null): DraftEditor {
  const [draft, setDraft] = useState<PlaygroundDraft>(EMPTY_DRAFT);
  const latest = useRef(draft);
  const [revision, setRevision] = useState(0);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<UiError | null>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; run(): void } | null>(null);

  const flush = useCallback(() => {
    const waiting = pending.current;
    pending.current = null;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    waiting.run();
  }, []);

  // `target` is the same object for as long as it names the same model (see usePlaygroundTarget).
  useEffect(() => {
    if (!target) return;
    let active = true;
    void getDraft(target).then((read) => {
      if (!active) return;
      if (read.ok && read.value) {
        latest.current = read.value;
        setDraft(read.value);
        setRevision((count) => count + 1);
      }
      setLoadedFor(keyOf(target));
    });
    return () => {
      active = false;
      // What was typed for this model is kept before the next one's draft is read.
      flush();
    };
  }, [target, flush]);

  const keep = useCallback(
    (next: PlaygroundDraft) => {
      latest.current = next;
      setDraft(next);
      if (!target) return;
      if (pending.current) clearTimeout(pending.current.timer);
      const run = () => void saveDraft(target, next).then((saved) => setSaveError(saved.ok ? null : saved.error));
      pending.current = { timer: setTimeout(flush, SAVE_AFTER_MS), run };
    },
    [target, flush],
  );
  const update = useCallback((change: Partial<PlaygroundDraft>) => keep({ ...latest.current, ...change }), [keep]);
  const updateParams = useCallback((change: Partial<GenerationParams>) => keep({ ...latest.current, params: { ...latest.current.params, ...change } }), [keep]);

  return { draft, revision, loaded: target !== null && loadedFor === keyOf(target), saveError, update, updateParams };
}
