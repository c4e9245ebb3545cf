import type { InstanceId } from '@switchboard/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { invokeResult } from '../lib/bridge';
import { initialOpencodeSection, opencodeSectionReducer, type OpencodeSectionState } from '../lib/opencode-section-state';
import type { OpencodeSettingsEditor } from './useOpencodeSettings';

export interface OpencodeConfigSyncInput {
  instanceId: InstanceId;
  savedModel: string | null;
  /** Goes up by one each time Use This Model succeeds; 0 before the first time. */
  savedRevision: number;
}

export interface OpencodeConfigSync {
  state: OpencodeSectionState;
  /** Write config: writes the change on screen, and only that change. */
  write(): Promise<void>;
  /** Works out the change again (after the file changed under the preview). */
  reviewAgain(): Promise<void>;
  /** After a setting that changes what is written: writes it in sync mode, shows it otherwise. */
  apply(): Promise<void>;
}

/**
 * What Use This Model does to opencode's config: with "keep in sync" on, it
 * writes straight away; otherwise it shows the change and waits for Write
 * config. Only the newest request's answer is shown.
 */
export function useOpencodeConfigSync(
  { instanceId, savedModel, savedRevision }: OpencodeConfigSyncInput,
  settings: OpencodeSettingsEditor,
): OpencodeConfigSync {
  const [state, dispatch] = useReducer(opencodeSectionReducer, initialOpencodeSection);
  const latest = useRef(0);
  const handledRevision = useRef(0);
  const { replace } = settings;

  const preview = useCallback(async () => {
    const request = ++latest.current;
    dispatch({ type: 'preview-started' });
    const outcome = await invokeResult('opencode:preview', { instanceId });
    if (request !== latest.current) return;
    dispatch(outcome.ok ? { type: 'preview-succeeded', preview: outcome.value } : { type: 'preview-failed', error: outcome.error });
  }, [instanceId]);

  const writeChange = useCallback(
    async (fingerprint: string | null) => {
      const request = ++latest.current;
      const reviewed = fingerprint !== null;
      dispatch({ type: 'write-started', reviewed });
      const outcome = await invokeResult('opencode:write', { instanceId, fingerprint });
      if (request !== latest.current) return;
      if (!outcome.ok) {
        dispatch({ type: 'write-failed', error: outcome.error });
        return;
      }
      dispatch({ type: 'write-succeeded', written: outcome.value, reviewed });
      replace(outcome.value.settings);
    },
    [instanceId, replace],
  );

  // Each new revision is handled once, as soon as the settings say whether to write or to show.
  const loaded = settings.settings !== undefined;
  const sync = settings.settings?.sync ?? false;
  useEffect(() => {
    if (!loaded || savedModel === null || savedRevision === handledRevision.current) return;
    handledRevision.current = savedRevision;
    void (sync ? writeChange(null) : preview());
  }, [loaded, sync, savedModel, savedRevision, preview, writeChange]);

  // The Responses-only switch (Settings › opencode) changes what would be written: what is on screen is looked at again.
  const writeResponsesOnly = settings.settings?.writeResponsesOnly;
  const seenSwitch = useRef(writeResponsesOnly);
  const onScreen = state.preview !== null || state.status?.tone === 'error';
  useEffect(() => {
    if (writeResponsesOnly === undefined || seenSwitch.current === writeResponsesOnly) return;
    const first = seenSwitch.current === undefined;
    seenSwitch.current = writeResponsesOnly;
    if (!first && onScreen && savedModel !== null) void preview();
  }, [writeResponsesOnly, onScreen, savedModel, preview]);

  const shown = state.preview;
  const write = useCallback(async () => {
    if (shown === null || state.busy !== null) return;
    await writeChange(shown.fingerprint);
  }, [shown, state.busy, writeChange]);

  const apply = useCallback(() => (sync ? writeChange(null) : preview()), [sync, writeChange, preview]);

  return { state, write, reviewAgain: preview, apply };
}
