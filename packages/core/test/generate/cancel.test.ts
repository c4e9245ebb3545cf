import type { GenerateEvent } from '@switchboard/shared';
import { startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { afterEach, expect, test, vi } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { doneOf, input, target, textOf } from './support/run-generate.js';

let server: LiteLLMServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const deps = { fetch, monotonic: () => performance.now() };

/** Runs a generation, pressing Stop when `stopWhen` first holds; collects every event, and whatever is thrown. */
async function runAndStop(base: string, stopWhen: (events: GenerateEvent[]) => boolean, modelId = 'fake-up') {
  const controller = new AbortController();
  const events: GenerateEvent[] = [];
  let thrown: unknown = null;
  try {
    if (stopWhen(events)) controller.abort();
    for await (const event of generate(deps, target(base), input({ modelId }), controller.signal)) {
      events.push(event);
      if (stopWhen(events)) controller.abort();
    }
  } catch (error) {
    thrown = error;
  }
  return { events, thrown };
}

test('Stop mid-answer closes the upstream connection and ends with done "stopped", keeping the text', async () => {
  server = await startLiteLLMServer({ version: '1.81.0', replyTokens: 200, stream: { tokenDelayMs: 20 } });
  const { events, thrown } = await runAndStop(server.url, (seen) => seen.filter((event) => event.type === 'delta').length === 3);
  expect(thrown).toBeNull();
  expect(doneOf(events)).toMatchObject({ ending: 'stopped', callId: expect.any(String) });
  expect(textOf(events).length).toBeGreaterThan(0);
  // The server saw the client hang up: the connection really closed, not merely the reading.
  await vi.waitFor(() => expect(server?.abortedStreams).toBe(1));
  expect(server.chatEndings.at(-1)).toMatchObject({ ending: 'client-closed' });
  expect(server.chatEndings.at(-1)?.chunksSent).toBeLessThan(200);
});

test('Stop while the proxy has not answered at all ends at once, and the proxy sees the hang-up', async () => {
  server = await startLiteLLMServer({ version: '1.81.0', hangModels: ['fake-up'] });
  const controller = new AbortController();
  const events: GenerateEvent[] = [];
  let stoppedAt = 0;
  setTimeout(() => {
    stoppedAt = performance.now();
    controller.abort();
  }, 200);
  for await (const event of generate(deps, target(server.url), input(), controller.signal)) events.push(event);
  expect(performance.now() - stoppedAt).toBeLessThan(500);
  expect(events.map((event) => event.type)).toEqual(['start', 'done']);
  expect(doneOf(events)).toMatchObject({ ending: 'stopped', firstTokenMs: null });
  await vi.waitFor(() => expect(server?.abortedStreams).toBe(1));
});

test('a signal aborted before the call sends nothing and ends stopped', async () => {
  server = await startLiteLLMServer({ version: '1.81.0' });
  const { events } = await runAndStop(server.url, () => true);
  expect(events.map((event) => event.type)).toEqual(['start', 'done']);
  expect(doneOf(events).ending).toBe('stopped');
  expect(server.chatEndings.filter((ending) => ending.ending === 'finished')).toHaveLength(0);
});

test('a listener that goes away (breaks out of the loop) closes the upstream connection too', async () => {
  server = await startLiteLLMServer({ version: '1.81.0', replyTokens: 200, stream: { tokenDelayMs: 20 } });
  let deltas = 0;
  for await (const event of generate(deps, target(server.url), input(), new AbortController().signal)) {
    if (event.type === 'delta') deltas += 1;
    if (deltas === 2) break;
  }
  await vi.waitFor(() => expect(server?.abortedStreams).toBe(1));
});
