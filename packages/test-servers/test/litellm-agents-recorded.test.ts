import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDeployments, fixturesDir, startLiteLLMServer } from '../src/index.js';
import type { LiteLLMServerOptions } from '../src/index.js';
import { useServers } from './support.js';

const track = useServers();
const dir = join(fixturesDir, 'litellm-1.81.0', 'agents');

interface Recorded {
  request: string;
  request_body: Record<string, unknown>;
  status: number;
  content_type: string;
  headers: Record<string, string>;
  body: unknown;
}

const load = (file: string): Record<string, Recorded> => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Recorded>;
const recorded: Record<string, Recorded> = {
  ...load('messages-api.json'),
  ...load('responses-api-upstream-native.json'),
  ...load('bridge-and-toolcalls.json'),
};

/** The bridge cases ask a `hosted_vllm/` deployment, which LiteLLM bridges to chat completions: not simulated. */
const NOT_SIMULATED = ['bridge_responses_nonstream', 'bridge_responses_stream', 'bridge_responses_codex_like_stream', 'bridge_messages_stream', 'bridge_responses_toolcall_nonstream', 'bridge_responses_toolcall_stream'];

const MASTER_KEY = 'sk-master-1234';
const X_API_KEY = { 'x-api-key': MASTER_KEY };
const BEARER = { authorization: `Bearer ${MASTER_KEY}` };

/** The headers each case was sent with (the recordings describe them in prose); `beta` adds Claude Code's ?beta=true. */
const HEADERS: Record<string, Record<string, string>> = {
  messages_nonstream_bearer: BEARER,
  messages_nonstream_xlitellm: { 'x-litellm-api-key': MASTER_KEY },
  messages_stream_bearer: BEARER,
  messages_claude_code_like: { ...X_API_KEY, ...BEARER, 'anthropic-version': '2023-06-01', 'anthropic-beta': 'claude-code-20250219' },
  messages_count_tokens_bearer: BEARER,
  messages_count_tokens_nokey: {},
  messages_nokey: {},
  messages_wrongkey: { 'x-api-key': 'sk-wrong' },
  messages_wrongkey_bearer: { authorization: 'Bearer sk-wrong' },
  responses_nonstream_xapikey: X_API_KEY,
  responses_nokey: {},
  responses_wrongkey: { authorization: 'Bearer sk-wrong' },
};
const defaultHeaders = (name: string): Record<string, string> => (name.startsWith('responses') ? BEARER : X_API_KEY);

/** Headers whose value changes per call: their shape is what must match. */
const VOLATILE: Record<string, RegExp> = {
  'x-litellm-call-id': /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  'llm_provider-date': /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  'x-litellm-response-duration-ms': /^\d+(\.\d+)?$/,
};

/** The agents were recorded with the fake upstream on port 18111 (the deployment id hashes its api_base). */
const RECORDED_DEPLOYMENTS = defaultDeployments().map((deployment) =>
  deployment.model_name === 'fake-up' ? { ...deployment, litellm_params: { ...deployment.litellm_params, api_base: 'http://127.0.0.1:18111/v1' } } : deployment,
);

const SIMULATED = Object.keys(recorded).filter((name) => !NOT_SIMULATED.includes(name));

async function ask(name: string, server: LiteLLMServerOptions = {}, expected: Recorded = recorded[name]!): Promise<Response> {
  const running = await track(startLiteLLMServer({ version: '1.81.0', deployments: RECORDED_DEPLOYMENTS, ...server }));
  const path = /^POST (\S+)/.exec(expected.request)![1]!;
  return fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { ...(HEADERS[name] ?? defaultHeaders(name)), 'content-type': 'application/json' },
    body: JSON.stringify(expected.request_body),
  });
}

const ENCRYPTED_ID = /"id": ?"resp_[A-Za-z0-9_=-]{200,}"/g;
const MESSAGE_ID = /"msg_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g;

/**
 * A Responses stream, comparable: every event's JSON with the encrypted id masked, sequence_number
 * checked in place and dropped, and the text deltas joined (the recording's upstream cut its text at
 * other places than the server's word chunks; the text and every other event must match).
 */
function responsesEvents(text: string): string[] {
  const lines = text.split('\n\n').filter((line) => line !== '');
  const events: string[] = [];
  let deltas: Record<string, unknown> | null = null;
  for (const line of lines) {
    expect(line.startsWith('data: ')).toBe(true);
    const data = line.slice('data: '.length);
    if (data === '[DONE]') {
      events.push(data);
      continue;
    }
    const event = JSON.parse(data.replace(ENCRYPTED_ID, '"id":"resp_…"')) as Record<string, unknown>;
    const keys = Object.keys(event);
    if (event['type'] !== 'response.output_item.done' && !('error' in event)) expect(keys.at(-1)).toBe('sequence_number');
    delete event['sequence_number'];
    if (event['type'] === 'response.output_text.delta') {
      if (deltas) deltas['delta'] = `${String(deltas['delta'])}${String(event['delta'])}`;
      else events.push(JSON.stringify((deltas = event)));
      continue;
    }
    if (deltas) events[events.length - 1] = JSON.stringify(deltas);
    deltas = null;
    events.push(JSON.stringify(event));
  }
  return events;
}

/** Status, content type, headers and body as recorded, up to what varies per call. */
async function expectAsRecorded(name: string, expected: Recorded, response: Response): Promise<void> {
  expect(response.status).toBe(expected.status);
  expect(response.headers.get('content-type')).toBe(expected.content_type);
  for (const [header, value] of Object.entries(expected.headers)) {
    if (header === 'transfer-encoding') continue;
    // A body carrying the encrypted response id differs in length from call to call.
    const shape = header === 'content-length' && name.startsWith('responses') && expected.status === 200 ? /^\d+$/ : VOLATILE[header];
    if (shape) expect(response.headers.get(header), header).toMatch(shape);
    else expect(response.headers.get(header), header).toBe(value);
  }
  const text = await response.text();
  if (expected.content_type.startsWith('text/event-stream') && name.startsWith('responses')) {
    expect(responsesEvents(text)).toEqual(responsesEvents(expected.body as string));
  } else if (expected.content_type.startsWith('text/event-stream')) {
    // Claude's stream is byte for byte the recorded one, but for the fresh msg_<uuid>.
    expect(text.replace(MESSAGE_ID, '"msg_…"')).toBe((expected.body as string).replace(MESSAGE_ID, '"msg_…"'));
  } else if (name.startsWith('responses') && expected.status === 200) {
    expect(text).toMatch(ENCRYPTED_ID);
    expect(JSON.parse(text.replace(ENCRYPTED_ID, '"id":"resp_…"'))).toEqual(JSON.parse(JSON.stringify(expected.body).replace(ENCRYPTED_ID, '"id":"resp_…"')));
  } else {
    expect(JSON.parse(text)).toEqual(expected.body);
  }
}

describe('/v1/messages and /v1/responses answer like the recorded LiteLLM 1.81.0 proxy', () => {
  it('covers every recorded case but the hosted_vllm bridge ones', () => {
    expect(SIMULATED.length + NOT_SIMULATED.length).toBe(Object.keys(recorded).length);
    for (const name of NOT_SIMULATED) expect(recorded[name]).toBeDefined();
  });

  it.each(SIMULATED)('%s: same status, content type, headers and body', async (name) => {
    await expectAsRecorded(name, recorded[name]!, await ask(name));
  });

  it.each([
    ['messages_stream.sse', 'messages_stream'],
    ['messages_claude_code_like.sse', 'messages_claude_code_like'],
    ['messages_toolcall_stream.sse', 'messages_toolcall_stream'],
    ['messages_upstream_dies_midstream.sse', 'messages_upstream_dies_midstream'],
  ])('answers %s byte for byte but the message id', async (file, name) => {
    const text = await (await ask(name)).text();
    expect(text.replace(MESSAGE_ID, '"msg_…"')).toBe(readFileSync(join(dir, file), 'utf8').replace(MESSAGE_ID, '"msg_…"'));
  });
});

describe('/v1/responses with an upstream that leaves logprobs out (responsesUpstreamOmitsLogprobs)', () => {
  const withoutLogprobs = load('responses-api-upstream-native-no-logprobs.json');

  it.each(Object.keys(withoutLogprobs))('%s: same status, content type, headers and body', async (name) => {
    const expected = withoutLogprobs[name]!;
    await expectAsRecorded(name, expected, await ask(name, { responsesUpstreamOmitsLogprobs: true }, expected));
  });

  it('ends a stream with the validation error: no response.completed, no [DONE], as Codex sees it', async () => {
    const text = await (await ask('responses_stream', { responsesUpstreamOmitsLogprobs: true })).text();
    expect(text).toContain('5 validation errors for ContentPartDoneEvent');
    expect(text).not.toContain('response.completed');
    expect(text).not.toContain('[DONE]');
  });
});
