import { describe, expect, it } from 'vitest';
import { startOpenRouterServer } from '../src/index.js';
import type { RunningServer } from '../src/index.js';
import { contentOf, readStream, useServers } from './support.js';

const track = useServers();
const KEY = { authorization: 'Bearer sk-or-v1-test', 'content-type': 'application/json' };
const hi = [{ role: 'user', content: 'hi' }];
const PROCESSING = ': OPENROUTER PROCESSING';

const chat = (server: RunningServer, body: Record<string, unknown>, headers: Record<string, string> = KEY): Promise<Response> =>
  fetch(`${server.url}/api/v1/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('OpenRouter streaming', () => {
  it('sends processing comments every keepAliveMs while the first token is awaited', async () => {
    const server = await track(startOpenRouterServer({ keepAliveMs: 100, stream: { stallAfterChunks: 0, stallMs: 450 } }));
    const read = await readStream(await chat(server, { model: 'openai/gpt-4o', messages: hi, stream: true }));
    const firstData = read.events.findIndex((e) => e.text.startsWith('data: '));
    const before = read.events.slice(0, firstData);
    expect(before.every((e) => e.text === PROCESSING)).toBe(true);
    // The two sent at once, then one about every 100 ms of the 450 ms wait.
    expect(before.length).toBeGreaterThanOrEqual(2 + 3);
    expect(contentOf(read.chunks)).toBe('Hi from upstream');
    expect(read.done).toBe(true);
  });

  it('sends only the two opening comments when keepAliveMs is unset', async () => {
    const server = await track(startOpenRouterServer({ stream: { stallAfterChunks: 0, stallMs: 250 } }));
    const read = await readStream(await chat(server, { model: 'openai/gpt-4o', messages: hi, stream: true }));
    expect(read.events.filter((e) => e.text === PROCESSING)).toHaveLength(2);
  });

  it('errorAfterChunks: the documented mid-stream error, a choice finished with "error", then the end without [DONE]', async () => {
    const server = await track(startOpenRouterServer({ chatReply: 'one two three', stream: { errorAfterChunks: 2 } }));
    const response = await chat(server, { model: 'openai/gpt-4o', messages: hi, stream: true });
    expect(response.status).toBe(200);
    const read = await readStream(response);
    expect(read.failure).toBeNull();
    expect(contentOf(read.chunks)).toBe('one two');
    expect(read.chunks.at(-1)).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'openai/gpt-4o',
      provider: 'OpenAI',
      error: { code: 'server_error', message: 'Provider disconnected unexpectedly' },
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
    });
    expect(read.chunks.some((c) => c.usage)).toBe(false);
    expect(read.done).toBe(false);
  });

  it('answers a plain request whose provider fails part-way with 502 in OpenRouter\'s error shape', async () => {
    const server = await track(startOpenRouterServer({ stream: { errorAfterChunks: 1 } }));
    const response = await chat(server, { model: 'openai/gpt-4o', messages: hi });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { message: 'Provider disconnected unexpectedly', code: 502 } });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>, number, string]>([
    ['a bad key', { model: 'openai/gpt-4o' }, { authorization: 'Bearer sk-or-v1-nope' }, 401, 'User not found.'],
    ['no key', { model: 'openai/gpt-4o' }, {}, 401, 'No auth credentials found'],
    ['an unknown model', { model: 'nope/nope' }, KEY, 400, 'nope/nope is not a valid model ID'],
    ['a model no provider serves', { model: 'openai/o3-mini' }, KEY, 404, 'No endpoints found for openai/o3-mini.'],
  ])('refuses %s as plain JSON, also when a stream was asked', async (_, body, headers, status, message) => {
    const server = await track(startOpenRouterServer({ unavailableModels: ['openai/o3-mini'], stream: { firstByteDelayMs: 5000 } }));
    const response = await chat(server, { ...body, messages: hi, stream: true }, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: { message, code: status } });
  });

  it('names the generation in x-generation-id, the id every chunk (or the plain answer) carries', async () => {
    const server = await track(startOpenRouterServer());
    const response = await chat(server, { model: 'openai/gpt-4o', messages: hi, stream: true });
    const id = response.headers.get('x-generation-id');
    expect(id).toMatch(/^gen-\d+-\d{8}$/);
    const read = await readStream(response);
    expect(read.chunks.every((c) => (c as { id?: string }).id === id)).toBe(true);
    const plain = await chat(server, { model: 'openai/gpt-4o', messages: hi });
    expect(((await plain.json()) as { id: string }).id).toBe(plain.headers.get('x-generation-id'));
  });

  it('prices reasoning tokens into the usage cost of a reasoning model', async () => {
    const server = await track(startOpenRouterServer({ chatReply: 'ok', reasoningReply: 'a b c' }));
    const read = await readStream(await chat(server, { model: 'deepseek/deepseek-r1', messages: hi, stream: true }));
    const usage = read.chunks.find((c) => c.usage)?.usage;
    // deepseek-r1: 4e-7 in, 2e-6 out; 8 prompt tokens, 3 reasoning + 1 answer.
    expect(usage).toMatchObject({ prompt_tokens: 8, completion_tokens: 4, total_tokens: 12, completion_tokens_details: { reasoning_tokens: 3 } });
    expect(usage?.['cost']).toBeCloseTo(8 * 4e-7 + 4 * 2e-6, 12);
    const details = read.chunks.map((c) => (c.choices?.[0]?.delta as { reasoning_details?: unknown[] } | undefined)?.reasoning_details).filter(Boolean);
    expect(details[0]).toEqual([{ type: 'reasoning.text', text: 'a', format: 'unknown', index: 0 }]);
  });
});
