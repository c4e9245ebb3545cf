import { afterEach, describe, expect, test, vi } from 'vitest';
import { chunk, pause, sseHead, startRawUpstream, textChunk, untilClosed, type Answer, type RawUpstream } from './support/raw-upstream.js';
import { doneOf, errorOf, run, SMALL_LIMITS, textOf } from './support/run-generate.js';

const upstreams: RawUpstream[] = [];
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

async function upstream(answer: Answer): Promise<RawUpstream> {
  const started = await startRawUpstream(answer);
  upstreams.push(started);
  return started;
}

// The whole-duration deadline is the one case that waits for it; the others must not.
const LIMITS = { ...SMALL_LIMITS, maxDurationMs: 800 };

const generateAgainst = async (answer: Answer, stream = true) => {
  const server = await upstream(answer);
  const started = performance.now();
  const events = await run(server.url, { stream }, {}, { limits: LIMITS });
  return { server, events, ms: performance.now() - started };
};

describe('deadlines: each ends the generation with its sentence and closes the connection', () => {
  const cases: Array<[string, Answer, RegExp, string]> = [
    ['no first byte', (_request, res) => untilClosed(res), /sent nothing within 0\.4 s\. The model may be overloaded/, ''],
    [
      'a stall between chunks',
      async (_request, res) => {
        sseHead(res);
        res.write(textChunk('Hi'));
        await untilClosed(res);
      },
      /stopped sending for 0\.3 s in the middle of the answer/,
      'Hi',
    ],
    [
      'the whole duration, chunks still coming',
      async (_request, res) => {
        sseHead(res);
        for (let i = 0; !res.destroyed && i < 1000; i += 1) {
          res.write(textChunk('.'));
          await pause(100);
        }
      },
      /took longer than 0\.8 s, the longest Switchboard waits/,
      '.',
    ],
  ];
  test.each(cases)('%s', async (_name, answer, says, startOfText) => {
    const { server, events, ms } = await generateAgainst(answer);
    expect(errorOf(events)).toMatchObject({ kind: 'timeout', message: expect.stringMatching(says) });
    expect(textOf(events).startsWith(startOfText)).toBe(true);
    // Bounded by the deadline, not by the upstream: it would never have ended on its own.
    expect(ms).toBeLessThan(LIMITS.maxDurationMs + 1000);
    await vi.waitFor(() => expect(server.hungUp).toBe(1));
  });

  test('a plain request waits for its answer under the first-byte deadline too', async () => {
    const { events } = await generateAgainst((_request, res) => untilClosed(res), false);
    expect(errorOf(events)).toMatchObject({ kind: 'timeout' });
  });
});

describe('caps: past one, reading stops, the connection closes, and the sentence says so', () => {
  const endless = (first: string) => async (_request: unknown, res: Parameters<Answer>[1]) => {
    sseHead(res);
    res.write(first);
    await untilClosed(res);
  };
  const cases: Array<[string, Answer, RegExp, number]> = [
    ['one piece over the event cap', endless(textChunk('x'.repeat(SMALL_LIMITS.maxEventChars + 1))), /one piece of text of 1,001 characters, more than the 1,000/, 0],
    ['one event that never ends', endless(`data: {"choices":[{"delta":{"content":"${'y'.repeat(100_000)}`), /one event longer than 1,000 characters/, 0],
    ['the whole answer over the total cap', endless(Array.from({ length: 6 }, () => textChunk('z'.repeat(1000))).join('')), /passed 5,000 characters, so Switchboard stopped reading/, 5000],
  ];
  test.each(cases)('%s', async (_name, answer, says, shown) => {
    const { server, events } = await generateAgainst(answer);
    expect(errorOf(events)).toMatchObject({ kind: 'too-large', message: expect.stringMatching(says) });
    expect(textOf(events)).toHaveLength(shown);
    await vi.waitFor(() => expect(server.hungUp).toBe(1));
  });

  test('a plain answer over the cap', async () => {
    const body = JSON.stringify({ choices: [{ message: { content: 'w'.repeat(20_000) } }] });
    const { events } = await generateAgainst((_request, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body), false);
    expect(errorOf(events)).toMatchObject({ kind: 'too-large' });
  });
});

describe('a stream that is not a chat completion', () => {
  const sse = (...events: string[]): Answer => (_request, res) => {
    sseHead(res);
    res.end(events.join(''));
  };
  const cases: Array<[string, Answer, string, RegExp]> = [
    ['a chunk that is not JSON', sse(textChunk('Hi'), 'data: {nope\n\n'), 'bad-response', /sent a chunk that is not valid JSON, which is not part of a chat completion/],
    ['content that is a number', sse(chunk({ choices: [{ delta: { content: 42 } }] })), 'bad-response', /sent content that is not text/],
    ['choices that are not a list', sse(chunk({ choices: 'many' })), 'bad-response', /"choices" that is not a list/],
    ['a chunk that is a list', sse(chunk([1, 2])), 'bad-response', /an answer that is not a JSON object/],
    ['a page with status 200', (_request, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>Login</title></html>'), 'not-a-proxy', /answered with a web page instead of data/],
    ['a JSON answer with neither text nor error', (_request, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 'bad-response', /an answer without a message/],
  ];
  test.each(cases)('%s is refused with a sentence', async (_name, answer, kind, says) => {
    const { events } = await generateAgainst(answer);
    expect(errorOf(events)).toMatchObject({ kind, message: expect.stringMatching(says) });
  });

  test('figures out of range cost those figures only', async () => {
    const { events } = await generateAgainst(
      sse(
        chunk({ model: 'x'.repeat(600), choices: [{ delta: { content: 'Hi' }, finish_reason: 7 }] }),
        // Raw text: 1e400 is a number JSON can carry but a literal in this file cannot.
        'data: {"choices":[],"usage":{"prompt_tokens":-1,"completion_tokens":1e400,"total_tokens":2.5,"completion_tokens_details":{"reasoning_tokens":"3"}}}\n\n',
        'data: [DONE]\n\n',
      ),
    );
    expect(events.find((event) => event.type === 'usage')).toEqual({ type: 'usage', promptTokens: null, completionTokens: null, totalTokens: null, reasoningTokens: null });
    expect(doneOf(events)).toMatchObject({ ending: 'complete', answeredBy: null, finishReason: null });
    expect(textOf(events)).toBe('Hi');
  });

  test('content sent as parts is read for its text parts', async () => {
    const parts = [{ type: 'text', text: 'Hi' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: ' there' }];
    const { events } = await generateAgainst(sse(chunk({ choices: [{ delta: { content: parts } }] }), 'data: [DONE]\n\n'));
    expect(textOf(events)).toBe('Hi there');
    const { events: refused } = await generateAgainst(sse(chunk({ choices: [{ delta: { content: [{ type: 'text', text: 5 }] } }] })));
    expect(errorOf(refused)).toMatchObject({ kind: 'bad-response' });
  });

  test('a server that ignores `stream` and answers whole is read as a plain answer', async () => {
    const body = JSON.stringify({ model: 'm', choices: [{ message: { content: 'Whole' }, finish_reason: 'stop' }] });
    const { events } = await generateAgainst((_request, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    expect(textOf(events)).toBe('Whole');
    expect(doneOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop', answeredBy: 'm' });
  });

  test.each(['text/plain', ''])('a stream labelled %j is still read as one', async (contentType) => {
    const { events } = await generateAgainst((_request, res) => {
      res.writeHead(200, contentType === '' ? {} : { 'content-type': contentType });
      res.end(`${textChunk('Hi')}data: [DONE]\n\n`);
    });
    expect(textOf(events)).toBe('Hi');
    expect(doneOf(events).ending).toBe('complete');
  });

  test.each(['data: [DONE]', 'data: [DONE]\n', 'data: [DONE]\r\n'])('%j at the very end, without its blank line, still completes', async (last) => {
    const { events } = await generateAgainst(sse(textChunk('Hi'), last));
    expect(doneOf(events).ending).toBe('complete');
  });

  test('a stream that ends without [DONE] is cut off', async () => {
    const { events } = await generateAgainst(sse(textChunk('Half')));
    expect(doneOf(events)).toMatchObject({ ending: 'cut-off' });
  });
});

describe('redirects', () => {
  const statuses = [301, 302, 303, 307, 308];
  test.each(statuses)('a %i is not followed: neither prompt nor key goes to the other address', async (status) => {
    const elsewhere = await upstream((_request, res) => void res.end());
    const { events } = await generateAgainst((_request, res) => void res.writeHead(status, { location: `${elsewhere.url}/v1/chat/completions` }).end());
    expect(errorOf(events)).toMatchObject({ kind: 'redirect', message: expect.stringContaining(`redirect to "${elsewhere.url}/v1/chat/completions"`) });
    expect(elsewhere.requests).toHaveLength(0);
  });
});
