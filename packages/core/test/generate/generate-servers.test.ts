import { DEFAULT_GENERATION_PARAMS } from '@switchboard/shared';
import { defaultDeployments, startLiteLLMServer, startOpenRouterServer, type LiteLLMServerOptions } from '@switchboard/test-servers';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { doneOf, errorOf, run, SMALL_LIMITS, textOf } from './support/run-generate.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function litellm(options: LiteLLMServerOptions = {}) {
  const server = await startLiteLLMServer({ version: '1.81.0', ...options });
  closers.push(() => server.close());
  return server;
}

const O3_MINI = { model_name: 'o3-mini', litellm_params: { model: 'openai/o3-mini', api_key: 'sk-fake-openai-key' } };

describe('core against the LiteLLM test server', () => {
  test('a streamed answer: start with the request as curl, the text, usage, done with the call id', async () => {
    const server = await litellm();
    const events = await run(server.url);
    expect(events[0]).toMatchObject({ type: 'start', url: `${server.url}/v1/chat/completions`, leftOut: [] });
    expect(textOf(events)).toBe('Hi from upstream');
    expect(doneOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop', answeredBy: 'fake-model', callId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const [request] = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-master-1234');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      model: 'fake-up',
      messages: [{ role: 'user', content: 'Say hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  test("a plain answer's cost comes from LiteLLM's headers; a stream's headers leave before it is known, so it has none", async () => {
    const priced = { model_name: 'priced', litellm_params: { model: 'openai/priced', api_key: 'sk-fake' }, model_info: { input_cost_per_token: 0.001, output_cost_per_token: 0.002 } };
    const server = await litellm({ deployments: [priced] });
    const plain = await run(server.url, { modelId: 'priced', stream: false });
    // The server's reply: 3 prompt tokens at 0.001 and 3 answer tokens at 0.002.
    expect(doneOf(plain).responseCost).toBeCloseTo(0.009, 9);
    const streamed = await run(server.url, { modelId: 'priced' });
    expect(doneOf(streamed)).toMatchObject({ ending: 'complete', responseCost: null });
  });

  test('the curl says the same request with the key as a variable', async () => {
    const server = await litellm();
    const [start] = await run(server.url, { system: "It's brief." });
    expect(start?.type === 'start' && start.curl).toBe(
      [
        `curl -N '${server.url}/v1/chat/completions'`,
        `-H 'Content-Type: application/json'`,
        `-H "Authorization: Bearer $LITELLM_API_KEY"`,
        `-d '{"model":"fake-up","messages":[{"role":"system","content":"It'\\''s brief."},{"role":"user","content":"Say hi"}],"stream":true,"stream_options":{"include_usage":true}}'`,
      ].join(' \\\n  '),
    );
  });

  test('a plain request: one delta, usage, done', async () => {
    const server = await litellm();
    const events = await run(server.url, { stream: false });
    expect(events.map((event) => event.type)).toEqual(['start', 'delta', 'usage', 'done']);
    expect(textOf(events)).toBe('Hi from upstream');
    expect(doneOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop' });
    expect(JSON.parse(server.requests.at(-1)?.body ?? '')).not.toHaveProperty('stream');
  });

  test('an output limit of 1 ends with finish reason "length"', async () => {
    const server = await litellm();
    const events = await run(server.url, { params: { ...DEFAULT_GENERATION_PARAMS, maxOutputTokens: 1 } });
    expect(textOf(events)).toBe('Hi');
    expect(doneOf(events)).toMatchObject({ ending: 'complete', finishReason: 'length' });
  });

  test("a reasoning model's reasoning_content comes as reasoning events, apart from the answer", async () => {
    const server = await litellm({ deployments: [...defaultDeployments(), O3_MINI], reasoningReply: 'Let me think' });
    const events = await run(server.url, { modelId: 'o3-mini' });
    expect(textOf(events, 'reasoning')).toBe('Let me think');
    expect(textOf(events)).toBe('Hi from upstream');
    const usage = events.find((event) => event.type === 'usage');
    expect(usage?.type === 'usage' && usage.reasoningTokens).toBeGreaterThan(0);
  });

  test('what the model does not take is left out of the request, and the start event says so', async () => {
    const server = await litellm({ deployments: [...defaultDeployments(), O3_MINI] });
    const o3 = { supportedParams: ['max_completion_tokens', 'stream', 'stream_options', 'reasoning_effort'], supportsResponseSchema: true, supportsReasoning: true, maxTokensParam: 'max_completion_tokens' as const };
    const params = { ...DEFAULT_GENERATION_PARAMS, temperature: 0.7, maxOutputTokens: 50, reasoningEffort: 'low' as const };
    const events = await run(server.url, { modelId: 'o3-mini', params }, { capabilities: o3 });
    expect(events[0]).toMatchObject({ type: 'start', leftOut: ['temperature'] });
    const sent = JSON.parse(server.requests.at(-1)?.body ?? '') as Record<string, unknown>;
    expect(sent).toMatchObject({ max_completion_tokens: 50, reasoning_effort: 'low' });
    expect(sent).not.toHaveProperty('temperature');
    expect(doneOf(events).ending).toBe('complete');
  });

  test('the time to the first token counts from the request, past a slow first byte', async () => {
    const server = await litellm({ stream: { firstByteDelayMs: 150 } });
    const done = doneOf(await run(server.url));
    expect(done.firstTokenMs).toBeGreaterThanOrEqual(140);
    expect(done.totalMs).toBeGreaterThanOrEqual(done.firstTokenMs ?? 0);
  });

  const failures: Array<[string, LiteLLMServerOptions, Partial<Parameters<typeof run>[2]>, string, string, RegExp]> = [
    ['a wrong key (400 no_db_connection)', {}, { key: 'sk-wrong' }, 'fake-up', 'unauthorized', /LiteLLM proxy at .* refused the API key \(HTTP 400\)\. Check the key/],
    ['no key (401)', {}, { key: null }, 'fake-up', 'unauthorized', /needs an API key \(HTTP 401\)/],
    ['a team key asking for a model outside its list (401)', { teamKeys: { 'sk-team': { sentinels: ['all-team-models'], models: ['gpt-4o'] } } }, { key: 'sk-team' }, 'fake-up', 'unauthorized', /does not let this key use "fake-up" \(HTTP 401\); it said "team not allowed to access model.*Pick a model the key may use/],
    ['an unknown model (400)', {}, {}, 'nope', 'not-found', /does not offer the model "nope" \(HTTP 400\)/],
    ['a dead upstream, after the retries (500)', { deadUpstreamDelayMs: 200 }, {}, 'local-llama', 'server-error', /could not get an answer from "local-llama" \(HTTP 500\)/],
    ['an upstream that fails mid-answer (httpx: an error event)', { upstreamDiesMidstream: 'httpx' }, {}, 'fake-up', 'server-error', /stopped the answer with an error: ".*peer closed connection/],
    ['an error event after two chunks', { stream: { errorAfterChunks: 2 } }, {}, 'fake-up', 'server-error', /stopped the answer with an error/],
  ];
  test.each(failures)('%s is an error event with its sentence', async (_name, options, aim, modelId, kind, says) => {
    const server = await litellm(options);
    const error = errorOf(await run(server.url, { modelId }, aim));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(says);
  });

  test('a connection cut mid-answer ends as cut off, keeping what came', async () => {
    const server = await litellm({ stream: { dropAfterChunks: 2 } });
    const events = await run(server.url);
    expect(textOf(events)).toBe('Hi from');
    expect(doneOf(events)).toMatchObject({ ending: 'cut-off', finishReason: null });
  });

  test('a stall after the first token: the stall deadline closes the connection, the first token stays', async () => {
    const server = await litellm({ stream: { stallAfterChunks: 1 } });
    const events = await run(server.url, {}, {}, { limits: SMALL_LIMITS });
    expect(textOf(events)).toBe('Hi');
    expect(errorOf(events)).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/stopped sending for 0\.3 s/) });
    await vi.waitFor(() => expect(server.chatEndings.at(-1)).toMatchObject({ ending: 'client-closed', chunksSent: 1 }));
  });

  test('a model that never answers: the first-byte deadline closes the connection', async () => {
    const server = await litellm({ hangModels: ['fake-up'] });
    const error = errorOf(await run(server.url, {}, {}, { limits: SMALL_LIMITS }));
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/sent nothing within 0\.4 s/) });
    await vi.waitFor(() => expect(server.abortedStreams).toBe(1));
  });

  test('nothing listening is an error naming the address', async () => {
    const server = await litellm();
    const url = server.url;
    await server.close();
    closers.pop();
    expect(errorOf(await run(url, {}, {}, { limits: SMALL_LIMITS }))).toMatchObject({ kind: 'unreachable', message: `Nothing is listening at ${url}. Check that the proxy is running and that the port is right.` });
  });
});

describe('core against the OpenRouter test server', () => {
  async function openrouter() {
    const server = await startOpenRouterServer({ reasoningReply: 'Thinking it over', unavailableModels: ['openai/gpt-4o-mini'] });
    closers.push(() => server.close());
    return server;
  }
  const aim = (base: string, key: string | null = 'sk-or-v1-test') => ({
    openAIBaseUrl: `${base}/api/v1`,
    key,
    keyVariable: 'OPENROUTER_API_KEY',
    wording: { product: 'OpenRouter', urlHint: '' },
  });

  test('its stream, keep-alive comments and all, with reasoning apart and usage', async () => {
    const server = await openrouter();
    const events = await run(server.url, { instanceId: 'openrouter', modelId: 'deepseek/deepseek-r1' }, aim(server.url));
    expect(textOf(events, 'reasoning')).toBe('Thinking it over');
    expect(textOf(events)).toBe('Hi from upstream');
    expect(events.some((event) => event.type === 'usage')).toBe(true);
    expect(doneOf(events)).toMatchObject({ ending: 'complete', finishReason: 'stop', answeredBy: 'deepseek/deepseek-r1', callId: null });
  });

  test('a plain request to a reasoning model: its reasoning, its answer, usage, done', async () => {
    const server = await openrouter();
    const events = await run(server.url, { instanceId: 'openrouter', modelId: 'deepseek/deepseek-r1', stream: false }, aim(server.url));
    expect(events.map((event) => event.type)).toEqual(['start', 'reasoning', 'delta', 'usage', 'done']);
    expect(textOf(events, 'reasoning')).toBe('Thinking it over');
    expect(textOf(events)).toBe('Hi from upstream');
  });

  test('a bad key, an unknown model, a model no provider serves and a wrong base are errors with sentences', async () => {
    const server = await openrouter();
    const refused = errorOf(await run(server.url, { modelId: 'openai/gpt-4o' }, aim(server.url, 'sk-or-v1-wrong')));
    expect(refused).toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/^OpenRouter at .* refused the API key \(HTTP 401\)/) });
    const unknown = errorOf(await run(server.url, { modelId: 'nobody/nothing' }, aim(server.url)));
    expect(unknown).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/^OpenRouter at .* does not offer the model "nobody\/nothing"/) });
    const unserved = errorOf(await run(server.url, { modelId: 'openai/gpt-4o-mini' }, aim(server.url)));
    expect(unserved).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/cannot serve "openai\/gpt-4o-mini" now \(HTTP 404\); it said "No endpoints found for openai\/gpt-4o-mini\."\. Try again later/) });
    // A base URL that is wrong altogether is still said as such.
    const wrongBase = errorOf(await run(server.url, { modelId: 'openai/gpt-4o' }, { ...aim(server.url), openAIBaseUrl: `${server.url}/elsewhere` }));
    expect(wrongBase).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/elsewhere\/chat\/completions was not found, so this does not look like/) });
  });
});
