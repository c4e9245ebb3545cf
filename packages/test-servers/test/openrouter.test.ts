import { describe, expect, it } from 'vitest';
import { generateOpenRouterModels, startOpenRouterServer } from '../src/index.js';
import type { OpenRouterModel } from '../src/index.js';
import { useServers } from './support.js';

const track = useServers();
const KEY = { authorization: 'Bearer sk-or-v1-test' };

describe('OpenRouter server', () => {
  it('lists models publicly, in OpenRouter shape', async () => {
    const server = await track(startOpenRouterServer());
    const response = await fetch(`${server.url}/api/v1/models`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: OpenRouterModel[] };
    expect(data.length).toBeGreaterThanOrEqual(12);
    expect(data[0]).toMatchObject({
      id: 'openai/gpt-4o',
      name: 'OpenAI: GPT-4o',
      context_length: 128000,
      architecture: { modality: 'text+image->text', input_modalities: expect.arrayContaining(['text', 'image']), output_modalities: ['text'], tokenizer: 'GPT', instruct_type: null },
      pricing: { prompt: '0.0000025', completion: '0.00001', request: '0', image: '0' },
      top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
      per_request_limits: null,
    });
    expect(data.some((m) => m.supported_parameters.includes('reasoning'))).toBe(true);
    expect(data.some((m) => !m.supported_parameters.includes('tools'))).toBe(true);
    expect(data.some((m) => m.pricing.prompt === '0' && m.pricing.completion === '0')).toBe(true);
    expect(new Set(data.map((m) => m.id.split('/')[0]))).toEqual(new Set(['openai', 'anthropic', 'google', 'meta-llama', 'mistralai', 'deepseek']));
    const tools = (await (await fetch(`${server.url}/api/v1/models?supported_parameters=tools`)).json()) as { data: OpenRouterModel[] };
    expect(tools.data.every((m) => m.supported_parameters.includes('tools'))).toBe(true);
    expect(tools.data.length).toBeLessThan(data.length);
  });

  it('answers /api/v1/key with 200 for a valid key and 401 otherwise', async () => {
    const server = await track(startOpenRouterServer({ validKeys: ['sk-or-v1-abcdef0123456789xyz'] }));
    const ok = await fetch(`${server.url}/api/v1/key`, { headers: { authorization: 'Bearer sk-or-v1-abcdef0123456789xyz' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      data: { label: 'sk-or-v1-abc...xyz', limit: null, usage: 0, is_free_tier: false, limit_remaining: null, is_provisioning_key: false, rate_limit: { requests: -1, interval: '10s' } },
    });
    const missing = await fetch(`${server.url}/api/v1/key`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { message: 'No auth credentials found', code: 401 } });
    const wrong = await fetch(`${server.url}/api/v1/key`, { headers: { authorization: 'Bearer sk-or-v1-nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { message: 'User not found.', code: 401 } });
  });

  it('requires a key for chat and streams with OPENROUTER PROCESSING comments', async () => {
    const server = await track(startOpenRouterServer());
    const body = JSON.stringify({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect((await fetch(`${server.url}/api/v1/chat/completions`, { method: 'POST', body })).status).toBe(401);
    const response = await fetch(`${server.url}/api/v1/chat/completions`, { method: 'POST', headers: KEY, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.slice(0, 2)).toEqual([': OPENROUTER PROCESSING', ': OPENROUTER PROCESSING']);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(2, -1).map((e) => JSON.parse(e.slice('data: '.length)) as { choices: { delta: { content: string }; finish_reason: string | null }[]; usage?: unknown; provider: string });
    expect(chunks.map((c) => c.choices[0]?.delta.content).join('')).toBe('Hi from upstream');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    // OpenRouter's usage accounting: always in the last chunk, with the cost at the model's prices (gpt-4o: 2.5e-6 in, 1e-5 out).
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 8,
      completion_tokens: 3,
      total_tokens: 11,
      cost: 8 * 0.0000025 + 3 * 0.00001,
      is_byok: false,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      cost_details: { upstream_inference_cost: null },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(chunks[0]?.provider).toBe('OpenAI');
  });

  it('answers a plain chat completion and rejects unknown models', async () => {
    const server = await track(startOpenRouterServer({ chatReply: 'Hello there' }));
    const ok = await fetch(`${server.url}/api/v1/chat/completions`, { method: 'POST', headers: KEY, body: '{"model":"deepseek/deepseek-r1","messages":[]}' });
    expect(await ok.json()).toMatchObject({ object: 'chat.completion', model: 'deepseek/deepseek-r1', choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: 'Hello there' } }] });
    const bad = await fetch(`${server.url}/api/v1/chat/completions`, { method: 'POST', headers: KEY, body: '{"model":"nope/nope","messages":[]}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { message: 'nope/nope is not a valid model ID', code: 400 } });
  });

  it('applies failure modes and latency, switchable with update()', async () => {
    const server = await track(startOpenRouterServer({ failure: 'server-error' }));
    const failed = await fetch(`${server.url}/api/v1/models`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { message: 'Internal Server Error', code: 500 } });
    server.update({ failure: 'hang' });
    const error = await fetch(`${server.url}/api/v1/models`, { signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    server.update({ failure: null, latencyMs: 120 });
    const started = Date.now();
    expect((await fetch(`${server.url}/api/v1/models`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect((await fetch(`${server.url}/api/v1/nothing`)).status).toBe(404);
  });

  it('generates deterministic, unique model listings for benchmarks', () => {
    const models = generateOpenRouterModels(2000);
    expect(models).toHaveLength(2000);
    expect(new Set(models.map((m) => m.id)).size).toBe(2000);
    expect(generateOpenRouterModels(2000)).toEqual(models);
  });
});
