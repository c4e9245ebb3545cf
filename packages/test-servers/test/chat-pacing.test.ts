import { describe, expect, it } from 'vitest';
import { fillerReply } from '../src/index.js';
import type { StreamKnobs } from '../src/index.js';
import { PLATFORMS } from './platforms.js';
import { contentOf, readStream, tokenChunks, useServers } from './support.js';

const track = useServers();
const REPLY = 'one two three four five';
const hi = [{ role: 'user', content: 'hi' }];

describe.each(PLATFORMS)('$name chat pacing', (platform) => {
  const stream = (model = platform.model, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ model, messages: hi, stream: true, ...extra });

  it('streams tokenDelayMs apart, and the whole reply still arrives', async () => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { tokenDelayMs: 40 } }));
    const asked = performance.now();
    const read = await readStream(await platform.chat(server, stream()));
    const tokens = read.events.filter((e) => e.text.includes('"content":"') && !e.text.includes('"content":""'));
    expect(tokens).toHaveLength(5);
    // Measured from the request, not between arrivals: the client may read two chunks late together, the server never sends early.
    tokens.forEach((token, i) => expect(token.atMs - asked).toBeGreaterThanOrEqual(i * 40 - 2));
    expect(contentOf(read.chunks)).toBe(REPLY);
    expect(read.done).toBe(true);
  });

  it('pauses stallMs after stallAfterChunks chunks, then goes on to [DONE]', async () => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { stallAfterChunks: 2, stallMs: 250 } }));
    const asked = performance.now();
    const read = await readStream(await platform.chat(server, stream()));
    const tokens = read.events.filter((e) => e.text.includes('"content":"') && !e.text.includes('"content":""'));
    expect(tokens[1]!.atMs - asked).toBeLessThan(240);
    expect(tokens[2]!.atMs - asked).toBeGreaterThanOrEqual(248);
    expect(read.done).toBe(true);
  });

  it('stalls until the client hangs up when stallMs is unset, and counts the hang-up', async () => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { stallAfterChunks: 2 } }));
    const controller = new AbortController();
    const response = await platform.chat(server, stream(), controller.signal);
    setTimeout(() => controller.abort(), 300);
    const read = await readStream(response);
    expect(read.failure?.name).toBe('AbortError');
    expect(tokenChunks(read.chunks)).toHaveLength(2);
    await expect.poll(() => server.abortedStreams).toBe(1);
    expect(server.chatEndings).toEqual([{ model: platform.model, stream: true, ending: 'client-closed', chunksSent: 2 }]);
  });

  it.each([0, 2, 99])('dropAfterChunks %i cuts the connection: no finish, no usage, no [DONE], the body fails', async (after) => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { dropAfterChunks: after } }));
    const read = await readStream(await platform.chat(server, stream(platform.model, { stream_options: { include_usage: true } })));
    expect(read.failure).not.toBeNull();
    expect(tokenChunks(read.chunks)).toHaveLength(Math.min(after, 5));
    expect(read.chunks.some((c) => c.choices?.[0]?.finish_reason)).toBe(false);
    expect(read.chunks.some((c) => c.usage)).toBe(false);
    expect(read.done).toBe(false);
    expect(server.chatEndings).toEqual([{ model: platform.model, stream: true, ending: 'dropped', chunksSent: Math.min(after, 5) }]);
    expect(server.abortedStreams).toBe(0);
  });

  it('drops a plain request without an answer', async () => {
    const server = await track(platform.start({ stream: { dropAfterChunks: 1 } }));
    await expect(platform.chat(server, { model: platform.model, messages: hi })).rejects.toThrow();
  });

  it('waits firstByteDelayMs before the status line, streamed or plain', async () => {
    const server = await track(platform.start({ stream: { firstByteDelayMs: 200 } }));
    for (const body of [stream(), { model: platform.model, messages: hi }]) {
      const started = performance.now();
      const response = await platform.chat(server, body);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('gives a plain answer the time its stream would take', async () => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { tokenDelayMs: 50 } }));
    const started = performance.now();
    const response = await platform.chat(server, { model: platform.model, messages: hi });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content).toBe(REPLY);
  });

  it('paces one model with streamByModel and leaves the others at full speed', async () => {
    const slow: StreamKnobs = { firstByteDelayMs: 400 };
    const server = await track(platform.start({ streamByModel: { [platform.otherModel]: slow } }));
    const started = performance.now();
    const [fast, late] = await Promise.all([
      platform.chat(server, stream()).then(async (r) => (await r.text(), performance.now() - started)),
      platform.chat(server, stream(platform.otherModel)).then(async (r) => (await r.text(), performance.now() - started)),
    ]);
    expect(late).toBeGreaterThanOrEqual(390);
    expect(fast).toBeLessThan(late);
  });

  it('never answers a model in hangModels (the check\'s timeout), while the others answer', async () => {
    const server = await track(platform.start({ hangModels: [platform.otherModel] }));
    const hung = await platform.chat(server, { model: platform.otherModel, messages: hi, max_tokens: 1 }, AbortSignal.timeout(200)).catch((e: unknown) => e);
    expect((hung as Error).name).toBe('TimeoutError');
    expect((await platform.chat(server, { model: platform.model, messages: hi, max_tokens: 1 })).status).toBe(200);
    await expect.poll(() => server.abortedStreams).toBe(1);
    expect(server.chatEndings.map((e) => [e.model, e.ending])).toEqual([
      [platform.otherModel, 'client-closed'],
      [platform.model, 'finished'],
    ]);
  });

  it('counts a client that hangs up mid-stream, not one that reads to the end nor one close() cuts', async () => {
    const server = await track(platform.start({ chatReply: REPLY, stream: { tokenDelayMs: 100 } }));
    await readStream(await platform.chat(server, stream()));
    expect(server.abortedStreams).toBe(0);

    const controller = new AbortController();
    const response = await platform.chat(server, stream(), controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => server.abortedStreams).toBe(1);
    expect(server.chatEndings.at(-1)).toMatchObject({ ending: 'client-closed', stream: true });

    const open = await platform.chat(server, stream());
    const cut = readStream(open);
    await server.close();
    await cut;
    await expect.poll(() => server.chatEndings.length).toBe(3);
    expect(server.chatEndings.at(-1)?.ending).toBe('server-closed');
    expect(server.abortedStreams).toBe(1);
  });

  it('streams replyTokens filler tokens, 2,000 of them for a benchmark', async () => {
    const server = await track(platform.start({ replyTokens: 2000 }));
    const read = await readStream(await platform.chat(server, stream()));
    expect(tokenChunks(read.chunks)).toHaveLength(2000);
    expect(contentOf(read.chunks)).toBe(fillerReply(2000));
    expect(fillerReply(3)).toBe('The quick brown');
    expect(read.done).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['negative', { stream: { tokenDelayMs: -1 } }],
    ['fractional', { stream: { stallAfterChunks: 1.5 } }],
    ['per-model', { streamByModel: { x: { dropAfterChunks: -2 } } }],
    ['zero replyTokens', { replyTokens: 0 }],
  ])('refuses %s knobs with a sentence naming the option', async (_, options) => {
    await expect(platform.start(options)).rejects.toThrow(/^(stream|streamByModel\["x"\]|options)\.\w+ must be/);
  });
});
