// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { openStream } from '../../src/renderer/lib/stream';

// The chunk with the contract's schemas cannot be loaded (a build missing a file, a dropped connection to the host).
vi.mock('../../src/renderer/lib/answer-contract', () => {
  throw new Error('Failed to fetch dynamically imported module: http://127.0.0.1/assets/answer-contract.js');
});

afterEach(() => {
  Reflect.deleteProperty(window, 'switchboard');
});

test('a stream whose events cannot be checked, because the schemas did not load, ends with a sentence that says to reload, and is cancelled', async () => {
  let cancelled = 0;
  const stream = vi.fn((_channel: string, _input: unknown, onEvent: (event: unknown) => void) => {
    queueMicrotask(() => onEvent({ type: 'delta', text: 'unchecked' }));
    return { cancel: () => void (cancelled += 1) };
  });
  Object.assign(window, { switchboard: { invoke: async () => null, stream } });
  const events: unknown[] = [];
  const ended = new Promise((resolve) => openStream('models:check', { instanceId: 'litellm', modelIds: ['gpt-4o'] }, { onEvent: (event) => events.push(event), onEnd: resolve }));
  expect(await ended).toEqual({ kind: 'transport', message: expect.stringMatching(/could not load the part of the window that checks answers.*Reload the window/) });
  expect(events).toEqual([]);
  expect(cancelled).toBe(1);
});
