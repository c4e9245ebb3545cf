import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { createKeyMask } from '../../src/generate/key-mask.js';
import { chunk, sseHead, startRawUpstream, type Answer, type RawUpstream } from './support/raw-upstream.js';
import { run } from './support/run-generate.js';

const KEY = 'sk-live-0123456789abcdef';

describe('the key mask over streamed pieces', () => {
  test('however the text is cut into pieces, the key never shows and nothing else changes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constant(KEY), fc.constant(KEY.slice(0, 9)), fc.constant(KEY.slice(9)))), fc.array(fc.nat(40), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
        const pieces = [0, ...points, text.length].slice(1).map((end, index, ends) => text.slice(index === 0 ? 0 : (ends[index - 1] ?? 0), end));
        const mask = createKeyMask(KEY);
        const shown = pieces.map((piece) => mask.push(piece));
        const all = shown.join('') + mask.flush();
        expect(all).not.toContain(KEY);
        expect(all).toBe(text.split(KEY).join('[redacted]'));
      }),
    );
  });

  test('a key too short to mask by value leaves text as it is', () => {
    const mask = createKeyMask('abc');
    expect(mask.push('abcabc') + mask.flush()).toBe('abcabc');
  });
});

const upstreams: RawUpstream[] = [];
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

const half = KEY.length / 2;
const sse = (...events: string[]): Answer => (_request, res) => {
  sseHead(res, { 'x-litellm-call-id': KEY });
  res.end(events.join(''));
};
const json = (status: number, body: unknown): Answer => (_request, res) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const delta = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => chunk({ choices: [{ delta: fields }], ...extra });

/** Where a hostile upstream can put the key it was sent; none of it may come out in an event. */
const ECHOES: Array<[string, Answer]> = [
  ['the answer text, whole', sse(delta({ content: `your key is ${KEY}.` }), 'data: [DONE]\n\n')],
  ['the answer text, split across two chunks', sse(delta({ content: `key: ${KEY.slice(0, half)}` }), delta({ content: `${KEY.slice(half)} ok` }), 'data: [DONE]\n\n')],
  ['the reasoning, split', sse(delta({ reasoning_content: KEY.slice(0, 5) }), delta({ reasoning_content: KEY.slice(5) }), 'data: [DONE]\n\n')],
  ['the model name and finish reason', sse(delta({ content: 'x' }, { model: KEY }), chunk({ choices: [{ delta: {}, finish_reason: KEY }] }), 'data: [DONE]\n\n')],
  ['an error event mid-stream', sse(delta({ content: 'x' }), chunk({ error: { message: `upstream refused ${KEY}` } }))],
  ['a 400 refusal', json(400, { error: { message: `Invalid model name; key ${KEY}` } })],
  ['a 500', json(500, { error: { message: `boom ${KEY}` } })],
  ['a plain answer', json(200, { model: KEY, choices: [{ message: { content: KEY, reasoning_content: KEY }, finish_reason: 'stop' }] })],
  ['a redirect', (_request, res) => void res.writeHead(302, { location: `http://127.0.0.1:9/${KEY}` }).end()],
];

describe('the key is in no event, wherever the upstream echoes it', () => {
  test.each(ECHOES)('%s', async (_name, answer) => {
    const upstream = await startRawUpstream(answer);
    upstreams.push(upstream);
    for (const stream of [true, false]) {
      const events = await run(upstream.url, { stream, prompt: `my key is ${KEY}` }, { key: KEY });
      expect(JSON.stringify(events)).not.toContain(KEY);
      expect(JSON.stringify(events)).toContain('[redacted]');
    }
    // It was sent, so the test is about the answer, not about a request that never carried it.
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
