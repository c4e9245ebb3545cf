import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLiteLLMServer } from '../src/index.js';
import { MASTER, litellmDir, recorded, recordedCase, useServers } from './support.js';

const track = useServers();

// How each recorded case was requested (responses.json only describes it in prose).
const REQUESTS: Record<string, { method?: string; path: string; headers?: Record<string, string>; body?: unknown }> = {
  models_ok: { path: '/v1/models', headers: MASTER },
  models_unversioned: { path: '/models', headers: MASTER },
  models_xlitellm: { path: '/v1/models', headers: { 'x-litellm-api-key': 'sk-master-1234' } },
  models_nokey: { path: '/v1/models' },
  models_wrongkey: { path: '/v1/models', headers: { authorization: 'Bearer sk-wrong' } },
  models_malformed: { path: '/v1/models', headers: { authorization: 'sk-master-1234' } },
  model_one_missing: { path: '/v1/models/nope', headers: MASTER },
  model_info: { path: '/model/info', headers: MASTER },
  v1_model_info: { path: '/v1/model/info', headers: MASTER },
  model_group_info: { path: '/model_group/info', headers: MASTER },
  health_liveliness: { path: '/health/liveliness' },
  health_readiness: { path: '/health/readiness' },
  health_nokey: { path: '/health' },
  chat_nonstream: { method: 'POST', path: '/v1/chat/completions', headers: MASTER, body: { model: 'fake-up', messages: [{ role: 'user', content: 'hi' }] } },
  chat_unknown_model: { method: 'POST', path: '/v1/chat/completions', headers: MASTER, body: { model: 'nope', messages: [{ role: 'user', content: 'hi' }] } },
  chat_dead_upstream: { method: 'POST', path: '/v1/chat/completions', headers: MASTER, body: { model: 'local-llama', messages: [{ role: 'user', content: 'hi' }] } },
  notfound_route: { path: '/v1/nothing-here', headers: MASTER },
};

describe('default LiteLLM server answers like the recorded LiteLLM 1.81.12 proxy', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(recorded).sort());
  });

  it.each(Object.keys(REQUESTS))('%s: same status, content type and body', async (name) => {
    const server = await track(startLiteLLMServer());
    const request = REQUESTS[name]!;
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method ?? 'GET',
      headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
    });
    const expected = recordedCase(name);
    expect(response.status).toBe(expected.status);
    expect(response.headers.get('content-type')).toBe(expected.content_type);
    expect(await response.json()).toEqual(expected.body);
  });

  it('streams the exact bytes of chat-stream.sse', async () => {
    const server = await track(startLiteLLMServer());
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...MASTER, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fake-up',
        messages: [{ role: 'user', content: 'say hi' }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await response.text()).toBe(readFileSync(join(litellmDir, 'chat-stream.sse'), 'utf8'));
  });

  it('leaves the usage chunk out unless include_usage is asked for, and streams chatReply in word chunks', async () => {
    const server = await track(startLiteLLMServer({ chatReply: 'One two three four' }));
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: MASTER,
      body: JSON.stringify({ model: 'gpt-4o', messages: [], stream: true }),
    });
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)) as { choices: { delta: { content?: string } }[]; usage?: unknown });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '')).toEqual(['One', ' two', ' three', ' four', '']);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  });

  it('records method, path, headers and body of every request in order', async () => {
    const server = await track(startLiteLLMServer());
    await fetch(`${server.url}/health/liveliness?probe=1`);
    await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: MASTER, body: '{"model":"gpt-4o","messages":[]}' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /health/liveliness?probe=1', 'POST /v1/chat/completions']);
    expect(server.requests[1]?.headers['authorization']).toBe('Bearer sk-master-1234');
    expect(server.requests[1]?.body).toBe('{"model":"gpt-4o","messages":[]}');
  });
});
