import type { GenerateEvent, InstanceId } from '@switchboard/shared';
import type { UiError } from './errors';

/** Where one generation goes. */
export interface PlaygroundTarget {
  instanceId: InstanceId;
  modelId: string;
}

/** Whether two targets are the same model on the same connection (no target is never the same). */
export const sameTarget = (a: PlaygroundTarget | null, b: PlaygroundTarget | null) =>
  a !== null && b !== null && a.instanceId === b.instanceId && a.modelId === b.modelId;

type Usage = Omit<Extract<GenerateEvent, { type: 'usage' }>, 'type'>;
type Finish = Omit<Extract<GenerateEvent, { type: 'done' }>, 'type'>;

/**
 * `idle`: nothing sent yet; `streaming`: the answer is arriving; `done`: it
 * ended (complete, or cut off: see `finish.ending`); `stopped`: the person
 * pressed Stop; `error`: it failed with a sentence. Whatever arrived before
 * a stop or an error stays.
 */
type RunStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

export interface PlaygroundRun {
  status: RunStatus;
  /** Numbers runs, so a late event of an earlier one never lands on a newer answer. */
  runId: number;
  target: PlaygroundTarget | null;
  answer: string;
  reasoning: string;
  /** The request as core sent it, as a `curl` with the key redacted, and the parameters it left out. */
  request: { url: string; curl: string; leftOut: readonly string[] } | null;
  usage: Usage | null;
  finish: Finish | null;
  error: UiError | null;
  /** The renderer's own clock (ms): what the metrics fall back to when the stream stopped before core said. */
  startedAt: number | null;
  firstTokenAt: number | null;
  endedAt: number | null;
}

export type RunAction =
  | { type: 'started'; runId: number; target: PlaygroundTarget; at: number }
  /** The events of one animation frame, in the order they came. */
  | { type: 'events'; runId: number; events: readonly GenerateEvent[]; at: number }
  | { type: 'stopped'; runId: number; at: number }
  /** The transport itself failed (or ended without a final event): a sentence. */
  | { type: 'failed'; runId: number; error: UiError; at: number };

export const initialRun: PlaygroundRun = {
  status: 'idle',
  runId: 0,
  target: null,
  answer: '',
  reasoning: '',
  request: null,
  usage: null,
  finish: null,
  error: null,
  startedAt: null,
  firstTokenAt: null,
  endedAt: null,
};

function apply(run: PlaygroundRun, event: GenerateEvent, at: number): PlaygroundRun {
  switch (event.type) {
    case 'start':
      return { ...run, request: { url: event.url, curl: event.curl, leftOut: event.leftOut } };
    case 'delta':
    case 'reasoning': {
      const firstTokenAt = run.firstTokenAt ?? at;
      return event.type === 'delta' ? { ...run, answer: run.answer + event.text, firstTokenAt } : { ...run, reasoning: run.reasoning + event.text, firstTokenAt };
    }
    case 'usage': {
      const { type: _usage, ...usage } = event;
      return { ...run, usage };
    }
    case 'done': {
      const { type: _done, ...finish } = event;
      return { ...run, status: finish.ending === 'stopped' ? 'stopped' : 'done', finish, endedAt: at };
    }
    case 'error':
      return { ...run, status: 'error', error: event.error, endedAt: at };
  }
}

export function runReducer(run: PlaygroundRun, action: RunAction): PlaygroundRun {
  if (action.type === 'started') {
    return { ...initialRun, status: 'streaming', runId: action.runId, target: action.target, startedAt: action.at };
  }
  // Only the run on screen, and only while it streams: nothing lands on an answer that has ended.
  if (action.runId !== run.runId || run.status !== 'streaming') return run;
  switch (action.type) {
    case 'events':
      return action.events.reduce((next, event) => (next.status === 'streaming' ? apply(next, event, action.at) : next), run);
    case 'stopped':
      return { ...run, status: 'stopped', endedAt: action.at };
    case 'failed':
      return { ...run, status: 'error', error: action.error, endedAt: action.at };
  }
}
