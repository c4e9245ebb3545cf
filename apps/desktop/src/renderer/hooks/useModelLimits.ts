import type { ModelLimits } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import type { InstanceView, PlatformCalls } from '../lib/platform-calls';
import { errorLine, type StatusLine } from '../lib/status-line';

export interface ModelLimitsSaver {
  busy: boolean;
  status: StatusLine | null;
  save(modelId: string, limits: ModelLimits): Promise<void>;
  /** Something typed is wrong: say so without calling main. */
  refuse(message: string): void;
}

/**
 * Saves the limits a user typed for a model of a custom endpoint, then asks
 * for the list again, so every row shows the values main now applies (with
 * their source: entered by you).
 */
export function useModelLimits(
  setModelLimits: PlatformCalls['setModelLimits'],
  savedViewChanged: (view: InstanceView) => void,
  refresh: (() => Promise<void>) | null,
): ModelLimitsSaver {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const save = useCallback(
    async (modelId: string, limits: ModelLimits) => {
      if (!setModelLimits) return;
      setBusy(true);
      setStatus({ tone: 'progress', text: 'Saving limits…' });
      const result = await setModelLimits(modelId, limits);
      setBusy(false);
      if (!result.ok) {
        setStatus(errorLine(result.error));
        return;
      }
      savedViewChanged(result.value);
      setStatus({ tone: 'success', text: 'Limits saved' });
      await refresh?.();
    },
    [setModelLimits, savedViewChanged, refresh],
  );
  const refuse = useCallback((message: string) => setStatus({ tone: 'error', text: message }), []);
  return { busy, status, save, refuse };
}
