import type { GenerateEvent, GenerateInput, StreamHandle } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { frameBatch, type FrameBatch, type FrameScheduler } from '../lib/playground-frames';
import { createRunStore, type RunStore } from '../lib/playground-run-store';
import { openStream } from '../lib/stream';

interface PlaygroundRunner {
  /** The run, for the parts that show it to subscribe to (see usePlaygroundRunView). */
  store: RunStore;
  send(input: GenerateInput): void;
  /** Stops the answer end to end (the upstream request is closed); what came stays, marked stopped. */
  stop(): void;
}

interface Live {
  runId: number;
  handle: StreamHandle;
  batch: FrameBatch<GenerateEvent>;
}

const now = () => performance.now();

/**
 * The least time between two renders of a streaming answer: every other frame
 * at 60 Hz, about 30 a second. Each render lays out the whole answer again, so
 * rendering every frame doubles the main thread's work for no text a reader
 * could tell apart; on a busy machine that work is what grows into long tasks.
 */
const ANSWER_GAP_MS = 25;

/**
 * One generation at a time, streamed into the run store. Events are
 * batched per animation frame, frames ANSWER_GAP_MS apart: the answer
 * re-renders about 30 times a second at most, and the form around it not at all.
 * `frames` and `clock` are injected in tests.
 */
export function usePlaygroundRun(frames?: FrameScheduler, clock: () => number = now): PlaygroundRunner {
  const [store] = useState(createRunStore);
  const { dispatch } = store;
  const live = useRef<Live | null>(null);
  const runs = useRef(0);

  const end = useCallback(() => {
    const current = live.current;
    live.current = null;
    current?.batch.dispose();
    current?.handle.cancel();
  }, []);
  // Leaving the page stops the answer: nothing streams into a playground no one sees.
  useEffect(() => end, [end]);

  const send = useCallback(
    (input: GenerateInput) => {
      end();
      const runId = (runs.current += 1);
      dispatch({ type: 'started', runId, target: { instanceId: input.instanceId, modelId: input.modelId }, at: clock() });
      const batch = frameBatch<GenerateEvent>((events) => dispatch({ type: 'events', runId, events, at: clock() }), frames, { gapMs: ANSWER_GAP_MS, clock });
      let answering = false;
      const handle = openStream('playground:generate', input, {
        onEvent(event) {
          batch.push(event);
          // The first words go at the next frame whatever the pace: how soon an answer starts is what a person notices.
          if (!answering && (event.type === 'delta' || event.type === 'reasoning')) {
            answering = true;
            batch.hurry();
          }
          // The last word is shown at once, with what came before it in the same frame.
          if (event.type === 'done' || event.type === 'error') batch.flush();
        },
        onEnd(error) {
          batch.flush();
          if (live.current?.runId === runId) live.current = null;
          // Ended without a final event: a sentence from the transport, or nothing more to say (a cancel).
          if (error) dispatch({ type: 'failed', runId, error, at: clock() });
        },
      });
      live.current = { runId, handle, batch };
    },
    [end, frames, clock, dispatch],
  );

  const stop = useCallback(() => {
    const current = live.current;
    if (!current) return;
    current.batch.flush();
    dispatch({ type: 'stopped', runId: current.runId, at: clock() });
    end();
  }, [end, clock, dispatch]);

  return { store, send, stop };
}
