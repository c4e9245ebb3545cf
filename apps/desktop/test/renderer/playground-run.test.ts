import type { GenerateEvent } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import { initialRun, runReducer, type PlaygroundRun, type RunAction } from '../../src/renderer/lib/playground-run';
import { frameBatch, type FrameScheduler } from '../../src/renderer/lib/playground-frames';

const TARGET = { instanceId: 'litellm' as const, modelId: 'gpt-4o' };
const started = (runId = 1, at = 0): RunAction => ({ type: 'started', runId, target: TARGET, at });
const events = (list: GenerateEvent[], runId = 1, at = 0): RunAction => ({ type: 'events', runId, events: list, at });
const run = (...actions: RunAction[]): PlaygroundRun => actions.reduce(runReducer, initialRun);

const START: GenerateEvent = { type: 'start', url: 'http://proxy:4000/v1/chat/completions', curl: "curl -H 'Authorization: Bearer <redacted>'", leftOut: [] };
const delta = (text: string): GenerateEvent => ({ type: 'delta', text });
const DONE: GenerateEvent = {
  type: 'done',
  ending: 'complete',
  finishReason: 'stop',
  answeredBy: 'fake-model',
  firstTokenMs: 120,
  totalMs: 900,
  callId: 'call-1',
  responseCost: 0.00012,
};
const usage: GenerateEvent = { type: 'usage', promptTokens: 8, completionTokens: 4, totalTokens: 12, reasoningTokens: null };

describe('the playground run', () => {
  test('streams deltas into the answer and reasoning apart, then ends done with its figures', () => {
    const state = run(started(), events([START, { type: 'reasoning', text: 'Thinking…' }, delta('Hi '), delta('from')], 1, 50), events([delta(' upstream'), usage, DONE], 1, 90));
    expect(state.status).toBe('done');
    expect(state.answer).toBe('Hi from upstream');
    expect(state.reasoning).toBe('Thinking…');
    expect(state.request?.curl).toContain('<redacted>');
    expect(state.usage?.totalTokens).toBe(12);
    expect(state.finish?.answeredBy).toBe('fake-model');
    expect(state.firstTokenAt).toBe(50);
  });

  test('Stop keeps the partial answer, marked stopped; nothing that arrives after it lands', () => {
    const stopped = run(started(), events([START, delta('Hi ')]), { type: 'stopped', runId: 1, at: 10 });
    expect(stopped.status).toBe('stopped');
    expect(stopped.answer).toBe('Hi ');
    const late = runReducer(stopped, events([delta('late'), DONE]));
    expect(late).toBe(stopped);
  });

  test('an error event ends the run with its sentence and keeps what streamed before it', () => {
    const error = { kind: 'server-error' as const, message: 'The upstream of gpt-4o dropped the connection mid-answer.' };
    const state = run(started(), events([START, delta('Hi '), { type: 'error', error, totalMs: 300 }, delta('never')]));
    expect(state.status).toBe('error');
    expect(state.error).toEqual(error);
    expect(state.answer).toBe('Hi ');
  });

  test('a stream that ends without [DONE] is done, cut off', () => {
    const state = run(started(), events([START, delta('Hi'), { ...DONE, ending: 'cut-off', finishReason: null }]));
    expect(state.status).toBe('done');
    expect(state.finish?.ending).toBe('cut-off');
  });

  test("a transport failure is the run's error; an earlier run's late events never land on a newer one", () => {
    const failed = run(started(), { type: 'failed', runId: 1, error: { kind: 'transport', message: 'Switchboard could not complete the request.' }, at: 5 });
    expect(failed.status).toBe('error');
    const second = run(started(1), events([delta('old ')]), started(2), events([delta('old again')], 1), events([delta('new')], 2));
    expect(second.answer).toBe('new');
    expect(second.runId).toBe(2);
  });
});

/** Frames that run only when the test says a frame has passed. */
function manualFrames(): FrameScheduler & { tick(): void; pending(): number } {
  let next = 0;
  const waiting = new Map<number, () => void>();
  return {
    request(callback) {
      next += 1;
      waiting.set(next, callback);
      return next;
    },
    cancel: (handle) => void waiting.delete(handle),
    tick() {
      const callbacks = [...waiting.values()];
      waiting.clear();
      callbacks.forEach((callback) => callback());
    },
    pending: () => waiting.size,
  };
}

describe('frame batching', () => {
  test('a hundred tokens in one frame are handed over once, in order', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames);
    for (let i = 0; i < 100; i++) batch.push(`t${i}`);
    expect(delivered).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.tick();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toHaveLength(100);
    expect(delivered[0]?.[99]).toBe('t99');
  });

  test('each frame hands over what came since the last; an empty frame hands over nothing', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames);
    batch.push('a');
    frames.tick();
    frames.tick();
    batch.push('b');
    batch.push('c');
    frames.tick();
    expect(delivered).toEqual([['a'], ['b', 'c']]);
  });

  test('paced, a fast stream is handed over every other 60 Hz frame, and the first token after a pause at the next frame', () => {
    const frames = manualFrames();
    let now = 0;
    const frame = () => {
      now += 1000 / 60;
      frames.tick();
    };
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames, { gapMs: 25, clock: () => now });
    // A token every 5 ms for ten frames: five hand-overs, each with what came since the last, nothing lost.
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 3; j++) batch.push(`t${i}.${j}`);
      frame();
    }
    expect(delivered.map((items) => items.length)).toEqual([3, 6, 6, 6, 6]);
    expect(frames.pending()).toBe(1);
    frame();
    expect(delivered.flat()).toHaveLength(30);
    // Quiet for a while, then one token: it does not wait a second frame.
    frame();
    frame();
    batch.push('late');
    frame();
    expect(delivered.at(-1)).toEqual(['late']);
  });

  test('paced, a hurried item (the first words of an answer) goes at the next frame even right after a hand-over', () => {
    const frames = manualFrames();
    let now = 0;
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames, { gapMs: 25, clock: () => now });
    batch.push('start');
    now += 1000 / 60;
    frames.tick();
    batch.push('first words');
    batch.hurry();
    now += 1000 / 60;
    frames.tick();
    expect(delivered).toEqual([['start'], ['first words']]);
  });

  test('flush hands over at once and cancels the frame; dispose drops what is queued', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items), frames);
    batch.push('a');
    batch.flush();
    expect(delivered).toEqual([['a']]);
    expect(frames.pending()).toBe(0);
    batch.push('b');
    batch.dispose();
    frames.tick();
    expect(delivered).toEqual([['a']]);
  });
});
