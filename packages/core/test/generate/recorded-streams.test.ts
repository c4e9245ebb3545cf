import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateEvent, ProxyErrorKind } from '@switchboard/shared';
import { fixturesDir, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, test } from 'vitest';
import { errorOf, finalOf, run, textOf } from './support/run-generate.js';

type Recorded = Record<string, { status: number; content_type: string; headers?: Record<string, string>; body: unknown }>;
const responses = JSON.parse(readFileSync(join(fixturesDir, 'litellm-1.81.0', 'responses.json'), 'utf8')) as Recorded;

/** What a recording must come out as: the text shown, and how it ends. */
interface Expected {
  text: string;
  end: { done: 'complete' | 'cut-off'; finishReason: string | null; answeredBy: string; usage: Omit<Extract<GenerateEvent, { type: 'usage' }>, 'type'> } | { error: ProxyErrorKind; says: RegExp };
}

interface Recording {
  file: string;
  /** Status and headers the proxy sent with these bytes (responses.json), where it kept them. */
  status: number;
  contentType: string;
  headers?: Record<string, string>;
  expected: Expected;
}

/** The recorded headers, less those about framing: the static server frames the body itself. */
const headersOf = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(responses[name]?.headers ?? {}).filter(([header]) => !['transfer-encoding', 'content-length', 'content-type'].includes(header)));

const usage = (promptTokens: number, completionTokens: number) => ({ promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, reasoningTokens: 0 });
const SSE = 'text/event-stream; charset=utf-8';

const RECORDINGS: Recording[] = [
  {
    file: 'litellm-1.81.0/chat_stream.sse',
    status: 200,
    contentType: SSE,
    headers: headersOf('chat_stream'),
    expected: { text: 'Hi from upstream', end: { done: 'complete', finishReason: 'stop', answeredBy: 'fake-model', usage: usage(8, 3) } },
  },
  {
    file: 'litellm-1.81.12/chat-stream.sse',
    status: 200,
    contentType: SSE,
    expected: { text: 'Hi from upstream', end: { done: 'complete', finishReason: 'stop', answeredBy: 'fake-up', usage: usage(8, 3) } },
  },
  // aiohttp's transport makes the cut-off look complete (a made-up finish and [DONE]): nothing in the bytes says otherwise.
  {
    file: 'litellm-1.81.0/chat_upstream_dies_midstream.sse',
    status: 200,
    contentType: SSE,
    expected: { text: 'Hi from', end: { done: 'complete', finishReason: 'stop', answeredBy: 'fake-model', usage: usage(9, 2) } },
  },
  {
    file: 'litellm-1.81.0/chat_upstream_dies_midstream.httpx.sse',
    status: 200,
    contentType: SSE,
    expected: { text: 'Hi from', end: { error: 'server-error', says: /stopped the answer with an error: "litellm\.ServiceUnavailableError.*peer closed connection/ } },
  },
  {
    file: 'litellm-1.81.0/chat_unknown_model_stream.sse',
    status: responses.chat_unknown_model_stream?.status ?? 400,
    contentType: 'application/json',
    expected: { text: '', end: { error: 'not-found', says: /does not offer the model "fake-up" \(HTTP 400\); it said ".*Invalid model name passed in model=nope.*Refresh the model list/ } },
  },
  {
    file: 'litellm-1.81.0/chat_dead_upstream_stream.sse',
    status: responses.chat_dead_upstream_stream?.status ?? 500,
    contentType: 'application/json',
    expected: { text: '', end: { error: 'server-error', says: /could not get an answer from "fake-up" \(HTTP 500\); it said "litellm\.InternalServerError.*Connection error/ } },
  },
];

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(recording: Recording): Promise<string> {
  const body = readFileSync(join(fixturesDir, recording.file));
  server = await startStaticServer({
    '/v1/chat/completions': { status: recording.status, contentType: recording.contentType, body, headers: recording.headers ?? {} },
  });
  return server.url;
}

describe('every recorded chat stream, as the events it makes', () => {
  test('the table covers every chat-completion recording in the fixtures', () => {
    const recorded = ['litellm-1.81.0', 'litellm-1.81.12'].flatMap((dir) =>
      readdirSync(join(fixturesDir, dir))
        .filter((name) => /^chat.*\.sse$/.test(name))
        .map((name) => `${dir}/${name}`),
    );
    expect(RECORDINGS.map((recording) => recording.file).sort()).toEqual(recorded.sort());
  });

  test.each(RECORDINGS)('$file', async (recording) => {
    const events = await run(await serve(recording));
    expect(events[0]?.type).toBe('start');
    expect(textOf(events)).toBe(recording.expected.text);
    const { end } = recording.expected;
    if ('error' in end) {
      expect(errorOf(events)).toMatchObject({ kind: end.error, message: expect.stringMatching(end.says) });
      return;
    }
    const usageEvent = events.find((event) => event.type === 'usage');
    expect(usageEvent).toEqual({ type: 'usage', ...end.usage });
    expect(finalOf(events)).toMatchObject({ type: 'done', ending: end.done, finishReason: end.finishReason, answeredBy: end.answeredBy });
    // usage comes after the text and right before the end.
    expect(events.at(-2)).toBe(usageEvent);
  });

  test("LiteLLM's call id from the recorded stream's headers is kept; a header it did not send stays null", async () => {
    const events = await run(await serve(RECORDINGS[0] as Recording));
    expect(finalOf(events)).toMatchObject({ callId: 'abb41137-2704-4602-8944-c575efe3a5df', responseCost: null });
  });

  test('the recorded bytes cut at every byte give the same events', async () => {
    const bytes = readFileSync(join(fixturesDir, 'litellm-1.81.0', 'chat_stream.sse'));
    const { startRawUpstream, pause } = await import('./support/raw-upstream.js');
    const upstream = await startRawUpstream(async (_request, res) => {
      res.writeHead(200, { 'content-type': SSE });
      for (const byte of bytes) {
        res.write(Buffer.from([byte]));
        if (byte === 0x0a) await pause(1);
      }
      res.end();
    });
    try {
      const events = await run(upstream.url);
      expect(textOf(events)).toBe('Hi from upstream');
      expect(finalOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop', answeredBy: 'fake-model' });
    } finally {
      await upstream.close();
    }
  });
});

describe('the recorded plain answer', () => {
  test('one delta with the whole text, the usage, and done with the call id', async () => {
    const recorded = responses.chat_nonstream;
    if (!recorded) throw new Error('responses.json has no chat_nonstream');
    server = await startStaticServer({
      '/v1/chat/completions': { status: 200, contentType: recorded.content_type, body: JSON.stringify(recorded.body), headers: headersOf('chat_nonstream') },
    });
    const events = await run(server.url, { stream: false });
    expect(events.map((event) => event.type)).toEqual(['start', 'delta', 'usage', 'done']);
    expect(textOf(events)).toBe('Hi from upstream');
    expect(events[2]).toEqual({ type: 'usage', promptTokens: 3, completionTokens: 3, totalTokens: 6, reasoningTokens: null });
    expect(finalOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop', answeredBy: 'fake-model', callId: 'd9649a3c-db89-4764-8fd2-bc031e015423' });
    // 1.81.0 states a successful answer's cost as -original (0.0 from the recording's free upstream), not as x-litellm-response-cost.
    expect(finalOf(events)).toMatchObject({ responseCost: 0 });
  });
});
