// @vitest-environment happy-dom
import { DEFAULT_GENERATION_PARAMS, type GenerateInput, type StreamChannel, type StreamEvent } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import type { UiError } from '../../src/renderer/lib/errors';
import { openStream } from '../../src/renderer/lib/stream';
import { mainHarness } from './main-process/main-harness';

const { main, servers } = mainHarness();

const input: GenerateInput = { instanceId: 'litellm', modelId: 'gpt-4o', system: '', prompt: 'Say hello.', params: DEFAULT_GENERATION_PARAMS, stream: true };

/** One stream as the page opens it: every callback in order, and a promise of its end. */
function open<C extends StreamChannel>(channel: C, given: unknown) {
  const seen: Array<{ event: StreamEvent<C> } | { end: UiError | null }> = [];
  let settle: (end: UiError | null) => void = () => undefined;
  const ended = new Promise<UiError | null>((resolve) => (settle = resolve));
  const handle = openStream(channel, given as never, {
    onEvent: (event) => seen.push({ event }),
    onEnd: (error) => {
      seen.push({ end: error });
      settle(error);
    },
  });
  return { seen, ended, handle, events: () => seen.flatMap((entry) => ('event' in entry ? [entry.event] : [])) };
}

async function connectLiteLLM(): Promise<void> {
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
}

describe('openStream, against the real main', () => {
  test('hands the page the checked events in order, the final one last, then ends once with no error', async () => {
    await connectLiteLLM();
    const stream = open('playground:generate', input);
    expect(await stream.ended).toBeNull();
    const types = stream.events().map((event) => event.type);
    expect(types[0]).toBe('start');
    expect(types).toContain('delta');
    expect(types.at(-1)).toBe('done');
    expect(stream.seen.at(-1)).toEqual({ end: null });
    expect(stream.seen.filter((entry) => 'end' in entry)).toHaveLength(1);
    // What reached the page is what main sent, event for event.
    expect(stream.events()).toEqual(main.streamsTo('playground:generate')[0]?.events);
  });

  test("a refused input ends with main's sentence and no event", async () => {
    const stream = open('playground:generate', { ...input, prompt: '   ' });
    const error = await stream.ended;
    expect(error).toEqual({ kind: 'transport', message: expect.stringMatching(/^Switchboard could not complete the request: Invalid input for playground:generate: Type a prompt first/) });
    expect(stream.events()).toEqual([]);
  });

  test('cancel ends at once, nothing arrives after it, and the upstream request is closed', async () => {
    await connectLiteLLM();
    servers.litellm.update({ stream: { tokenDelayMs: 50 }, replyTokens: 200 });
    const stream = open('playground:generate', input);
    await expect.poll(() => stream.events().some((event) => event.type === 'delta')).toBe(true);
    stream.handle.cancel();
    stream.handle.cancel();
    expect(await stream.ended).toBeNull();
    const seenAtCancel = stream.seen.length;
    await expect.poll(() => servers.litellm.abortedStreams).toBe(1);
    expect(stream.seen).toHaveLength(seenAtCancel);
    expect(stream.events().some((event) => event.type === 'done')).toBe(false);
  });
});

describe('openStream, when the transport misbehaves', () => {
  /** A transport that sends `events`, then ends with `end` (what main itself never does). */
  function transport(events: unknown[], end: string | null) {
    let cancelled = 0;
    main.overrideStream('playground:generate', (_input, onEvent, onEnd) => {
      queueMicrotask(() => {
        for (const event of events) onEvent(event);
        onEnd(end);
      });
      return { cancel: () => void (cancelled += 1) };
    });
    return { cancelled: () => cancelled };
  }

  test('an event that does not fit the contract ends the stream with a sentence and cancels the transport', async () => {
    const fake = transport([{ type: 'delta', text: 'ok' }, { type: 'delta', text: 42 }, { type: 'delta', text: 'never shown' }], null);
    const stream = open('playground:generate', input);
    expect(await stream.ended).toEqual({ kind: 'transport', message: expect.stringMatching(/did not understand.*stopped/) });
    expect(stream.events()).toEqual([{ type: 'delta', text: 'ok' }]);
    expect(fake.cancelled()).toBe(1);
  });

  test("a transport that fails ends with its sentence, after what came before", async () => {
    transport([{ type: 'delta', text: 'partial' }], 'The connection to the Switchboard host broke (network error).');
    const stream = open('playground:generate', input);
    expect(await stream.ended).toEqual({
      kind: 'transport',
      message: 'Switchboard could not complete the request: The connection to the Switchboard host broke (network error). Check the values and try again.',
    });
    expect(stream.events()).toEqual([{ type: 'delta', text: 'partial' }]);
  });

  test('a transport that ends without a final event is not taken for a finished answer', async () => {
    transport([{ type: 'delta', text: 'partial' }], null);
    const stream = open('playground:generate', input);
    expect(await stream.ended).toEqual({ kind: 'transport', message: expect.stringMatching(/ended the stream before it finished/) });
  });

  test('nothing after the final event reaches the page', async () => {
    const done = { type: 'done', checked: 1, failed: 0 };
    main.overrideStream('models:check', (_input, onEvent, onEnd) => {
      queueMicrotask(() => {
        onEvent(done);
        onEvent({ type: 'done', checked: 2, failed: 2 });
        onEnd(null);
      });
      return { cancel: () => undefined };
    });
    const stream = open('models:check', { instanceId: 'litellm', modelIds: ['gpt-4o'] });
    expect(await stream.ended).toBeNull();
    expect(stream.events()).toEqual([done]);
  });

  test('without window.switchboard it ends with the sentence that says how to start Switchboard', async () => {
    Reflect.deleteProperty(window, 'switchboard');
    const stream = open('playground:generate', input);
    expect(await stream.ended).toEqual({ kind: 'transport', message: expect.stringContaining('not connected to Switchboard') });
  });
});
