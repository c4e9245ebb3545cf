import type { CheckEvent, InstanceId, StreamHandle } from '@switchboard/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { checkReducer, initialCheck, type CheckRun } from '../lib/model-health';
import { frameBatch, type FrameBatch } from '../lib/playground-frames';
import { openStream } from '../lib/stream';
import { useModelHealthStore } from './useModelHealth';

interface ModelHealthCheck {
  run: CheckRun;
  /** Asks the person to confirm checking these models (it spends tokens). */
  ask(modelIds: readonly string[]): void;
  cancelAsk(): void;
  /** Starts the confirmed check. */
  start(): void;
  stop(): void;
}

/**
 * Check models for one instance: a confirm step, then `models:check`
 * streamed, each result recorded in the app's health store as it arrives
 * (so the pickers flag a failure at once), batched per animation frame.
 */
export function useModelHealthCheck(instanceId: InstanceId): ModelHealthCheck {
  const [run, dispatch] = useReducer(checkReducer, initialCheck);
  const store = useModelHealthStore();
  const live = useRef<{ handle: StreamHandle; batch: FrameBatch<CheckEvent> } | null>(null);
  const runs = useRef(0);

  const end = useCallback(() => {
    live.current?.batch.dispose();
    live.current?.handle.cancel();
    live.current = null;
  }, []);
  // Closing the panel stops the check: no more tokens are spent on results no one sees.
  useEffect(() => end, [end, instanceId]);

  const start = useCallback(() => {
    if (run.status !== 'confirming') return;
    end();
    const runId = (runs.current += 1);
    dispatch({ type: 'started', runId });
    const batch = frameBatch<CheckEvent>((events) => dispatch({ type: 'events', runId, events }));
    const handle = openStream('models:check', { instanceId, modelIds: [...run.asking] }, {
      onEvent(event) {
        if (event.type === 'health') store?.record(instanceId, event.modelId, event.health);
        batch.push(event);
        if (event.type !== 'health') batch.flush();
      },
      onEnd(error) {
        batch.flush();
        if (error) dispatch({ type: 'failed', runId, error });
      },
    });
    live.current = { handle, batch };
  }, [run.status, run.asking, instanceId, store, end]);

  const stop = useCallback(() => {
    live.current?.batch.flush();
    dispatch({ type: 'stopped', runId: runs.current });
    end();
  }, [end]);

  const ask = useCallback((modelIds: readonly string[]) => dispatch({ type: 'confirm', modelIds }), []);
  const cancelAsk = useCallback(() => dispatch({ type: 'cancel-confirm' }), []);
  return { run, ask, cancelAsk, start, stop };
}
