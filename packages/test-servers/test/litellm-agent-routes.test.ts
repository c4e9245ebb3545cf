import { describe, expect, it } from 'vitest';
import { startLiteLLMServer } from '../src/index.js';
import type { LiteLLMServerOptions } from '../src/index.js';
import { readStream, useServers } from './support.js';

const track = useServers();
const KEY = { 'x-api-key': 'sk-master-1234' };
const say = (text: string): Record<string, unknown> => ({ model: 'fake-up', max_tokens: 64, messages: [{ role: 'user', content: text }] });

async function post(options: LiteLLMServerOptions, path: string, body: Record<string, unknown>, headers: Record<string, string> = KEY): Promise<{ response: Response; server: Awaited<ReturnType<typeof startLiteLLMServer>> }> {
  const server = await track(startLiteLLMServer(options));
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { response, server };
}

/** The text of an Anthropic stream's text deltas. */
function messageText(sse: string): string {
  return [...sse.matchAll(/"text_delta", "text": ("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]!) as string).join('');
}

describe('the agents\' routes follow the server\'s options, as chat completions do', () => {
  it('records what Claude Code sent: the path with ?beta=true, both key headers, the body', async () => {
    const { response, server } = await post({}, '/v1/messages?beta=true', { ...say('hi'), stream: true }, { ...KEY, authorization: 'Bearer sk-master-1234' });
    expect(response.status).toBe(200);
    await response.text();
    const seen = server.requests.at(-1)!;
    expect(seen.path).toBe('/v1/messages?beta=true');
    expect(seen.headers['x-api-key']).toBe('sk-master-1234');
    expect(JSON.parse(seen.body)).toMatchObject({ model: 'fake-up', stream: true });
  });

  it.each([
    ['a Claude stream', '/v1/messages', { ...say('hi'), stream: true }],
    ['a Codex stream', '/v1/responses', { model: 'fake-up', input: 'hi', stream: true }],
  ])('%s carries the configured reply', async (_, path, body) => {
    const { response } = await post({ chatReply: 'Bonjour from the proxy' }, path, body);
    const text = await response.text();
    if (path === '/v1/messages') expect(messageText(text)).toBe('Bonjour from the proxy');
    else expect(text).toContain('"text":"Bonjour from the proxy"');
  });

  it('stops at max_tokens with stop_reason max_tokens', async () => {
    const { response } = await post({}, '/v1/messages', { ...say('hi'), max_tokens: 1 });
    expect(await response.json()).toMatchObject({ content: [{ type: 'text', text: 'Hi' }], stop_reason: 'max_tokens', usage: { output_tokens: 1 } });
  });

  it.each([
    ['/v1/messages', say('hi')],
    ['/v1/responses', { model: 'fake-up', input: 'hi' }],
  ])('a team key is refused a model outside its team on %s', async (path, body) => {
    const { response } = await post({ teamKeys: { 'sk-team': { sentinels: ['all-team-models'], models: ['gpt-4o'] } } }, path, body, { authorization: 'Bearer sk-team' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'team_model_access_denied' } });
  });

  it.each(['/v1/messages', '/v1/messages/count_tokens', '/v1/responses'])('a plain OpenAI-compatible server (metadata: false) has no %s', async (path) => {
    const { response } = await post({ metadata: false }, path, say('hi'));
    expect(response.status).toBe(404);
  });

  it.each([
    ['/v1/messages', { ...say('hi'), stream: true }],
    ['/v1/responses', { model: 'fake-up', input: 'hi', stream: true }],
  ])('dropAfterChunks cuts a stream on %s: the read fails and the server counts the drop', async (path, body) => {
    const { response, server } = await post({ stream: { dropAfterChunks: 1 } }, path, body);
    const read = await readStream(response);
    expect(read.failure).not.toBeNull();
    expect(server.chatEndings.at(-1)).toMatchObject({ ending: 'dropped', chunksSent: 1, stream: true });
  });

  it('answers Codex\'s model listing at start (GET /v1/models?client_version=…)', async () => {
    const server = await track(startLiteLLMServer({}));
    const response = await fetch(`${server.url}/v1/models?client_version=0.171.0`, { headers: { authorization: 'Bearer sk-master-1234' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: string }[] }).data.map((model) => model.id)).toContain('fake-up');
  });

  it('accepts x-api-key on chat completions too, as LiteLLM checks every route the same way', async () => {
    const { response } = await post({}, '/v1/chat/completions', { model: 'fake-up', messages: [{ role: 'user', content: 'hi' }] });
    expect(response.status).toBe(200);
  });
});
