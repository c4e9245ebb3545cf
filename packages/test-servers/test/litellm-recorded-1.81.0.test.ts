import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMServerOptions } from '../src/index.js';
import { MASTER, useServers } from './support.js';

const track = useServers();

const dir = join(fixturesDir, 'litellm-1.81.0');

interface Recorded {
  request: string;
  status: number;
  content_type: string;
  headers?: Record<string, string> | null;
  body: unknown;
}

const main = JSON.parse(readFileSync(join(dir, 'responses.json'), 'utf8')) as Record<string, Recorded>;
const extra = JSON.parse(readFileSync(join(dir, 'responses-extra.json'), 'utf8')) as Record<string, Recorded>;
const recorded: Record<string, Recorded> = { ...main, ...extra };

interface RecordedRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** How the recorded proxy was set up beyond proxy-config.yaml. */
  server?: LiteLLMServerOptions;
}

const WRONG = { authorization: 'Bearer sk-wrong' };
const hi = [{ role: 'user', content: 'hi' }];
const chat = (body: Record<string, unknown>, headers: Record<string, string> = MASTER, server?: LiteLLMServerOptions): RecordedRequest => ({
  method: 'POST',
  path: '/v1/chat/completions',
  headers,
  body: { messages: hi, ...body },
  ...(server ? { server } : {}),
});

// How each recorded case was requested (the recordings describe it in prose).
const REQUESTS: Record<string, RecordedRequest> = {
  models_ok: { path: '/v1/models', headers: MASTER },
  models_unversioned: { path: '/models', headers: MASTER },
  models_xlitellm: { path: '/v1/models', headers: { 'x-litellm-api-key': 'sk-master-1234' } },
  models_xlitellm_bearer: { path: '/v1/models', headers: { 'x-litellm-api-key': 'Bearer sk-master-1234' } },
  models_nokey: { path: '/v1/models' },
  models_wrongkey: { path: '/v1/models', headers: WRONG },
  models_wrongkey_unversioned: { path: '/models', headers: WRONG },
  models_wrongkey_nosk: { path: '/v1/models', headers: { authorization: 'Bearer wrong-key-without-sk-prefix' } },
  models_malformed: { path: '/v1/models', headers: { authorization: 'sk-master-1234' } },
  models_return_wildcard_routes: { path: '/v1/models?return_wildcard_routes=true', headers: MASTER },
  models_return_wildcard_routes_false: { path: '/v1/models?return_wildcard_routes=false', headers: MASTER },
  models_include_model_access_groups: { path: '/v1/models?include_model_access_groups=true', headers: MASTER },
  model_one_ok: { path: '/v1/models/gpt-4o', headers: MASTER },
  model_one_missing: { path: '/v1/models/nope', headers: MASTER },
  model_info: { path: '/model/info', headers: MASTER },
  v1_model_info: { path: '/v1/model/info', headers: MASTER },
  model_info_nokey: { path: '/model/info' },
  model_group_info: { path: '/model_group/info', headers: MASTER },
  model_group_info_one: { path: '/model_group/info?model_group=gpt-4o', headers: MASTER },
  model_group_info_nokey: { path: '/model_group/info' },
  model_group_info_wrongkey: { path: '/model_group/info', headers: WRONG },
  health_liveliness: { path: '/health/liveliness' },
  health_liveness: { path: '/health/liveness' },
  health_readiness: { path: '/health/readiness' },
  health_nokey: { path: '/health' },
  chat_nonstream: chat({ model: 'fake-up' }),
  chat_stream: chat({ model: 'fake-up', stream: true, stream_options: { include_usage: true } }),
  chat_unknown_model: chat({ model: 'nope' }),
  chat_unknown_model_stream: chat({ model: 'nope', stream: true }),
  chat_dead_upstream: chat({ model: 'local-llama' }),
  chat_dead_upstream_stream: chat({ model: 'local-llama', stream: true }),
  chat_upstream_dies_nonstream: chat({ model: 'fake-up' }, MASTER, { upstreamDiesMidstream: 'aiohttp' }),
  chat_upstream_dies_midstream: chat({ model: 'fake-up', stream: true }, MASTER, { upstreamDiesMidstream: 'aiohttp' }),
  chat_nokey: chat({ model: 'fake-up' }, {}),
  chat_wrongkey: chat({ model: 'fake-up' }, WRONG),
  root: { path: '/' },
  root_v1: { path: '/v1/' },
  ui: { path: '/ui/' },
  openapi: { path: '/openapi.json' },
  notfound_route: { path: '/v1/nothing-here', headers: MASTER },
  model_info_v2: { path: '/v2/model/info', headers: MASTER },
  model_info_one_id: { path: '/model/info?litellm_model_id=nope', headers: MASTER },
  public_model_hub: { path: '/public/model_hub' },
  public_model_hub_key: { path: '/public/model_hub', headers: MASTER },
  supported_openai_params: { path: '/utils/supported_openai_params?model=gpt-4o', headers: MASTER },
  model_group_info_unknown: { path: '/model_group/info?model_group=nope', headers: MASTER },
  model_one_wildcard_expansion: { path: '/v1/models/openai%2Fgpt-4.1', headers: MASTER },
  key_info: { path: '/key/info', headers: MASTER },
};

/** The recorder summarised big bodies; these are the files it saved them as. */
const SAVED_AS: Record<string, string> = { 'root.html': 'swagger-root.html', 'ui.html': 'admin-ui.html' };

/** Headers whose value changes per call: their shape is what must match. */
const VOLATILE: Record<string, RegExp> = {
  'x-litellm-call-id': /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  'llm_provider-date': /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  'x-litellm-overhead-duration-ms': /^\d+\.\d+$/,
  'x-litellm-response-duration-ms': /^\d+\.\d+$/,
};

// Python writes 2.5e-06 where JavaScript writes 0.0000025: same numbers, other byte counts. The
// recorder kept only openapi.json's `info`, so its size cannot match either.
const OTHER_LENGTH = new Set(['model_info', 'v1_model_info', 'model_group_info', 'model_group_info_one', 'openapi']);

/** Streams refused before they started: the recorder kept the raw JSON text as the body. */
const RAW_TEXT = new Set(['chat_unknown_model_stream', 'chat_dead_upstream_stream']);

async function ask(name: string): Promise<Response> {
  const request = REQUESTS[name]!;
  const server = await track(startLiteLLMServer({ version: '1.81.0', ...request.server }));
  return fetch(`${server.url}${request.path}`, {
    method: request.method ?? 'GET',
    headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    ...(request.body ? { body: JSON.stringify(request.body) } : {}),
  });
}

describe('version 1.81.0 answers like the recorded LiteLLM 1.81.0 proxy', () => {
  it('covers every recorded case of responses.json and responses-extra.json', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(recorded).sort());
  });

  it.each(Object.keys(REQUESTS))('%s: same status, content type, headers and body', async (name) => {
    const expected = recorded[name]!;
    const response = await ask(name);
    expect(response.status).toBe(expected.status);
    expect(response.headers.get('content-type')).toBe(expected.content_type);
    for (const [header, value] of Object.entries(expected.headers ?? {})) {
      if (header === 'content-length' && OTHER_LENGTH.has(name)) continue;
      const shape = VOLATILE[header];
      if (shape) expect(response.headers.get(header), header).toMatch(shape);
      else expect(response.headers.get(header), header).toBe(value);
    }
    const text = await response.text();
    const body = expected.body;
    const saved = typeof body === 'string' ? /^<\d+ bytes of HTML, saved as (.+)>$/.exec(body) : null;
    if (saved) {
      expect(Buffer.from(text, 'utf8').equals(readFileSync(join(dir, SAVED_AS[saved[1]!]!)))).toBe(true);
    } else if (expected.content_type.startsWith('text/event-stream') || RAW_TEXT.has(name)) {
      expect(text).toBe(body);
    } else if (name === 'openapi') {
      const document = JSON.parse(text) as { info: unknown; paths: Record<string, unknown> };
      expect(document.info).toEqual((body as { info: unknown }).info);
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/models', '/model_group/info', '/v1/chat/completions']));
    } else if (name === 'model_group_info_unknown') {
      expect((body as { data: unknown }).data).toBe('<0 entries>');
      expect(JSON.parse(text)).toEqual({ data: [] });
    } else {
      expect(JSON.parse(text)).toEqual(body);
    }
  });

  it.each([
    ['chat_stream.sse', 'chat_stream'],
    ['chat_unknown_model_stream.sse', 'chat_unknown_model_stream'],
    ['chat_dead_upstream_stream.sse', 'chat_dead_upstream_stream'],
    ['chat_upstream_dies_midstream.sse', 'chat_upstream_dies_midstream'],
  ])('answers %s byte for byte', async (file, name) => {
    expect(await (await ask(name)).text()).toBe(readFileSync(join(dir, file), 'utf8'));
  });

  it('answers chat_upstream_dies_midstream.httpx.sse byte for byte with the httpx transport', async () => {
    const server = await track(startLiteLLMServer({ version: '1.81.0', upstreamDiesMidstream: 'httpx' }));
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: MASTER,
      body: JSON.stringify({ model: 'fake-up', stream: true, messages: hi }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(readFileSync(join(dir, 'chat_upstream_dies_midstream.httpx.sse'), 'utf8'));
    expect(text).not.toContain('[DONE]');
  });
});
