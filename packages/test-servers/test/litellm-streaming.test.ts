import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMServerOptions, RunningServer } from '../src/index.js';
import { MASTER, contentOf, readStream, recordedCase, tokenChunks, useServers } from './support.js';

const track = useServers();
const hi = [{ role: 'user', content: 'hi' }];
const recorded181 = join(fixturesDir, 'litellm-1.81.0');

const chat = (server: RunningServer, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { ...MASTER, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

describe('LiteLLM streaming', () => {
  it('takes deadUpstreamDelayMs to answer a dead upstream, with the recorded 500 as plain JSON even for a stream', async () => {
    const server = await track(startLiteLLMServer({ deadUpstreamDelayMs: 300, stream: { dropAfterChunks: 0 } }));
    for (const stream of [false, true]) {
      const started = performance.now();
      const response = await chat(server, { model: 'local-llama', messages: hi, stream });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual(recordedCase('chat_dead_upstream').body);
    }
  });

  it('counts a client that gives up while a dead upstream is retried', async () => {
    const server = await track(startLiteLLMServer({ deadUpstreamDelayMs: 5000 }));
    const error = await chat(server, { model: 'local-llama', messages: hi, max_tokens: 1 }, AbortSignal.timeout(150)).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    await expect.poll(() => server.abortedStreams).toBe(1);
  });

  it.each<[string, LiteLLMServerOptions]>([
    ['no knobs', {}],
    ['a first-byte delay', { stream: { firstByteDelayMs: 5000 } }],
    ['a drop', { stream: { dropAfterChunks: 0 } }],
  ])('answers an unknown model asked for a stream with the recorded plain JSON 400, whatever the knobs (%s)', async (_, options) => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', ...options }));
    const response = await chat(server, { model: 'nope', messages: hi, stream: true });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(readFileSync(join(recorded181, 'chat_unknown_model_stream.sse'), 'utf8'));
  });

  it('errorAfterChunks: the tokens, then the error event httpx\'s transport sends, and no [DONE]', async () => {
    const server = await track(startLiteLLMServer({ chatReply: 'one two three four', stream: { errorAfterChunks: 3 } }));
    const response = await chat(server, { model: 'fake-up', messages: hi, stream: true, stream_options: { include_usage: true } });
    expect(response.status).toBe(200);
    const read = await readStream(response);
    expect(read.failure).toBeNull();
    expect(contentOf(read.chunks)).toBe('one two three');
    expect(read.chunks.at(-1)?.error).toMatchObject({ code: '503', message: expect.stringContaining('Received Model Group=fake-up') });
    expect(read.chunks.some((c) => c.usage)).toBe(false);
    expect(read.done).toBe(false);
    expect(server.chatEndings).toEqual([{ model: 'fake-up', stream: true, ending: 'finished', chunksSent: 3 }]);
  });

  it('answers a plain request whose upstream fails part-way with the recorded 500', async () => {
    const server = await track(startLiteLLMServer({ stream: { errorAfterChunks: 1 } }));
    const response = await chat(server, { model: 'fake-up', messages: hi });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('Received Model Group=fake-up'), code: '500' } });
  });

  it('paces without changing a byte: chat_stream.sse with token delays and a stall', async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', stream: { tokenDelayMs: 20, stallAfterChunks: 1, stallMs: 50, firstByteDelayMs: 20 } }));
    const response = await chat(server, { model: 'fake-up', messages: hi, stream: true, stream_options: { include_usage: true } });
    expect(await response.text()).toBe(readFileSync(join(recorded181, 'chat_stream.sse'), 'utf8'));
  });

  it('keeps the recorded midstream death with the knobs on: two chunks, then httpx\'s error event', async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', upstreamDiesMidstream: 'httpx', stream: { tokenDelayMs: 20 } }));
    const response = await chat(server, { model: 'fake-up', messages: hi, stream: true });
    expect(await response.text()).toBe(readFileSync(join(recorded181, 'chat_upstream_dies_midstream.httpx.sse'), 'utf8'));
  });

  it('streams reasoning for a reasoning model reached through a wildcard route', async () => {
    const server = await track(startLiteLLMServer({ deployments: [{ model_name: 'openai/*', litellm_params: { model: 'openai/*' } }], reasoningReply: 'hmm' }));
    const reasoning = await readStream(await chat(server, { model: 'openai/o3-mini', messages: hi, stream: true }));
    expect(reasoning.chunks[0]?.choices?.[0]?.delta).toEqual({ reasoning_content: 'hmm', role: 'assistant' });
    const plain = await readStream(await chat(server, { model: 'openai/gpt-4o-mini', messages: hi, stream: true }));
    expect(tokenChunks(plain.chunks).every((c) => c.choices?.[0]?.delta.reasoning_content === undefined)).toBe(true);
  });

  it('ends a one-token stream of 1.81.0 like the recording, with finish "length"', async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0' }));
    const response = await chat(server, { model: 'fake-up', messages: hi, stream: true, max_tokens: 1, stream_options: { include_usage: true } });
    const recordedLines = readFileSync(join(recorded181, 'chat_stream.sse'), 'utf8').split('\n\n');
    const lines = (await response.text()).split('\n\n');
    expect(lines[0]).toBe(recordedLines[0]);
    expect(lines[1]).toBe(recordedLines[3]!.replace('"finish_reason":"stop"', '"finish_reason":"length"'));
    expect(JSON.parse(lines[2]!.slice('data: '.length))).toMatchObject({ usage: { completion_tokens: 1, prompt_tokens: 8, total_tokens: 9 } });
    expect(lines.slice(3)).toEqual(['data: [DONE]', '']);
  });
});
