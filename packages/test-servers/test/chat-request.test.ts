import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONING_REPLY } from '../src/index.js';
import { PLATFORMS } from './platforms.js';
import { contentOf, readStream, tokenChunks, useServers } from './support.js';
import type { ChatChunk } from './support.js';

const track = useServers();
const REPLY = 'one two three four five';
const hi = [{ role: 'user', content: 'hi' }];

interface PlainAnswer {
  choices: { finish_reason: string; message: { content: string; reasoning_content?: string; reasoning?: string | null } }[];
  usage: { completion_tokens: number; completion_tokens_details?: { reasoning_tokens: number } };
}

const finishOf = (chunks: ChatChunk[]): string | null | undefined => chunks.map((c) => c.choices?.[0]?.finish_reason).find(Boolean);
const reasoningOf = (chunks: ChatChunk[]): string => chunks.map((c) => c.choices?.[0]?.delta.reasoning_content ?? c.choices?.[0]?.delta.reasoning ?? '').join('');
const usageOf = (chunks: ChatChunk[]): Record<string, unknown> | undefined => chunks.find((c) => c.usage)?.usage;

describe.each(PLATFORMS)('$name honours the request', (platform) => {
  it.each<[string, Record<string, unknown>, string, string, number]>([
    ['max_tokens 1 (the health check)', { max_tokens: 1 }, 'one', 'length', 1],
    ['max_completion_tokens 2', { max_completion_tokens: 2 }, 'one two', 'length', 2],
    ['max_completion_tokens before max_tokens', { max_completion_tokens: 3, max_tokens: 1 }, 'one two three', 'length', 3],
    ['a limit above the reply', { max_tokens: 50 }, REPLY, 'stop', 5],
    ['a stop sequence', { stop: [' three'] }, 'one two', 'stop', 2],
    ['a stop string, and a limit it comes before', { stop: ' four', max_tokens: 4 }, 'one two three', 'stop', 3],
    ['a stop sequence the reply lacks', { stop: ['zzz'] }, REPLY, 'stop', 5],
  ])('%s: streamed and plain', async (_, ask, text, finish, tokens) => {
    const server = await track(platform.start({ chatReply: REPLY }));
    const read = await readStream(await platform.chat(server, { model: platform.model, messages: hi, stream: true, stream_options: { include_usage: true }, ...ask }));
    expect(contentOf(read.chunks)).toBe(text);
    expect(tokenChunks(read.chunks)).toHaveLength(tokens);
    expect(finishOf(read.chunks)).toBe(finish);
    expect(usageOf(read.chunks)).toMatchObject({ completion_tokens: tokens });
    expect(read.done).toBe(true);

    const plain = (await (await platform.chat(server, { model: platform.model, messages: hi, ...ask })).json()) as PlainAnswer;
    expect(plain.choices[0]).toMatchObject({ finish_reason: finish, message: { content: text } });
    expect(plain.usage.completion_tokens).toBe(tokens);
  });

  it('streams reasoning before the answer for a model whose metadata says it reasons, and counts it', async () => {
    const server = await track(platform.start({ chatReply: REPLY, reasoningReply: 'think it over' }));
    const read = await readStream(await platform.chat(server, { model: platform.reasoningModel, messages: hi, stream: true, stream_options: { include_usage: true } }));
    const tokens = tokenChunks(read.chunks);
    expect(tokens.map((c) => (reasoningOf([c]) ? 'reasoning' : 'answer'))).toEqual(['reasoning', 'reasoning', 'reasoning', 'answer', 'answer', 'answer', 'answer', 'answer']);
    expect(reasoningOf(read.chunks)).toBe('think it over');
    expect(contentOf(read.chunks)).toBe(REPLY);
    expect(usageOf(read.chunks)).toMatchObject({ completion_tokens: 8, completion_tokens_details: { reasoning_tokens: 3 } });

    const plain = (await (await platform.chat(server, { model: platform.reasoningModel, messages: hi })).json()) as PlainAnswer;
    const message = plain.choices[0]!.message;
    expect(message.content).toBe(REPLY);
    expect(message.reasoning_content ?? message.reasoning).toBe('think it over');
    expect(plain.usage).toMatchObject({ completion_tokens: 8, completion_tokens_details: { reasoning_tokens: 3 } });
  });

  it('spends a small token limit on reasoning first, as reasoning models do', async () => {
    const server = await track(platform.start({ chatReply: REPLY }));
    const read = await readStream(await platform.chat(server, { model: platform.reasoningModel, messages: hi, stream: true, max_tokens: 1 }));
    expect(reasoningOf(read.chunks)).toBe(DEFAULT_REASONING_REPLY.split(' ')[0]);
    expect(contentOf(read.chunks)).toBe('');
    expect(finishOf(read.chunks)).toBe('length');
  });

  it('streams no reasoning for a model that does not reason', async () => {
    const server = await track(platform.start({ chatReply: REPLY }));
    const read = await readStream(await platform.chat(server, { model: platform.model, messages: hi, stream: true }));
    expect(reasoningOf(read.chunks)).toBe('');
    expect(contentOf(read.chunks)).toBe(REPLY);
  });

  it('records every chat request as sent', async () => {
    const server = await track(platform.start({}));
    const body = { model: platform.model, messages: hi, max_tokens: 1, temperature: 0.2 };
    await (await platform.chat(server, body)).arrayBuffer();
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual(body);
  });
});
