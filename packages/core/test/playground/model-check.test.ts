import { DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMDeployment } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { chatRequests, collect, litellmScene } from './backend.js';

const deployment = (name: string, apiBase?: string): LiteLLMDeployment => ({
  model_name: name,
  litellm_params: { model: `openai/${name}`, api_key: 'sk-fake', ...(apiBase ? { api_base: apiBase } : {}) },
});
/** A model whose upstream is down: LiteLLM answers 500 after its retries. */
const DEAD = 'http://127.0.0.1:9/v1';
const many = (count: number) => Array.from({ length: count }, (_, index) => `model-${index}`);

describe('the model check', () => {
  it('says per model whether it answered, with the latency or the sentence, keeps the results across a restart, then counts', async () => {
    const scene = await litellmScene(
      { deployments: [deployment('fine'), deployment('down', DEAD), deployment('silent')], hangModels: ['silent'] },
      { streamTuning: { checkDeadlineMs: 1000 } },
    );
    const events = await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['fine', 'down', 'silent'] });

    const health = Object.fromEntries(events.flatMap((event) => (event.type === 'health' ? [[event.modelId, event.health]] : [])));
    expect(health['fine']).toMatchObject({ state: 'ok', message: null });
    expect(health['down']).toMatchObject({ state: 'error', message: expect.stringContaining(`could not get an answer from "down" (HTTP 500)`) });
    expect(health['silent']).toMatchObject({ state: 'timeout', message: expect.stringContaining('did not answer within 1 s') });
    expect(health['silent']?.latencyMs).toBeGreaterThanOrEqual(900);
    expect(events.at(-1)).toEqual({ type: 'done', checked: 3, failed: 2 });
    // Each asked once, for one output token under the name its metadata gives, not streamed.
    const bodies = chatRequests(scene.server).map((request) => JSON.parse(request.body) as Record<string, unknown>);
    expect(bodies.map((body) => body['model']).sort()).toEqual(['down', 'fine', 'silent']);
    for (const body of bodies) expect(body['max_completion_tokens'] ?? body['max_tokens']).toBe(1);
    for (const body of bodies) expect(body['stream']).toBeUndefined();
    for (const request of chatRequests(scene.server)) expect(request.headers.authorization).toBe(`Bearer ${DEFAULT_MASTER_KEY}`);

    const afterRestart = await scene.restart().api['models:get-health']({ instanceId: 'litellm' });
    expect(afterRestart).toEqual(health);
    expect(await scene.restart().api['models:get-health']({ instanceId: 'openrouter' })).toEqual({});
  });

  it('keeps a failed model flagged until it is checked again, then shows the new result', async () => {
    const scene = await litellmScene({ deployments: [deployment('flaky', DEAD), deployment('steady')] });
    await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['flaky', 'steady'] });
    expect((await scene.backend.api['models:get-health']({ instanceId: 'litellm' }))['flaky']?.state).toBe('error');

    // The upstream comes back; a check of another model leaves the flag as it was.
    scene.server.update({ deployments: [deployment('flaky'), deployment('steady')] });
    await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['steady'] });
    expect((await scene.restart().api['models:get-health']({ instanceId: 'litellm' }))['flaky']?.state).toBe('error');

    await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['flaky'] });
    const after = await scene.restart().api['models:get-health']({ instanceId: 'litellm' });
    expect(after['flaky']).toMatchObject({ state: 'ok', message: null });
  });

  it('says nothing of a model\'s last check once the platform points at another proxy, nor once it is disconnected', async () => {
    const scene = await litellmScene({ deployments: [deployment('down', DEAD)] });
    await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['down'] });
    expect(Object.keys(await scene.backend.api['models:get-health']({ instanceId: 'litellm' }))).toEqual(['down']);

    const other = await startLiteLLMServer();
    try {
      await scene.backend.api['litellm:set-config']({ url: other.url, key: { mode: 'stored' }, selectedModel: 'down' });
      expect(await scene.restart().api['models:get-health']({ instanceId: 'litellm' })).toEqual({});
      await scene.backend.api['litellm:set-config']({ url: scene.server.url, key: { mode: 'stored' }, selectedModel: 'down' });
      expect(Object.keys(await scene.backend.api['models:get-health']({ instanceId: 'litellm' }))).toEqual(['down']);
      await scene.backend.api['litellm:disconnect'](undefined);
      expect(await scene.backend.api['models:get-health']({ instanceId: 'litellm' })).toEqual({});
    } finally {
      await other.close();
    }
  });

  it('never asks more than four models at once, measured at the server, and asks several at a time', async () => {
    const ids = many(12);
    const scene = await litellmScene({ deployments: ids.map((id) => deployment(id)), stream: { firstByteDelayMs: 120 } });
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, chatRequests(scene.server).length - scene.server.chatEndings.length);
    }, 5);
    try {
      const events = await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ids });
      expect(events.at(-1)).toEqual({ type: 'done', checked: 12, failed: 0 });
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThanOrEqual(2);
    expect(chatRequests(scene.server)).toHaveLength(12);
  });

  it('stops the rest when cancelled: the requests in flight are closed, no more are sent, and no done comes', async () => {
    const ids = many(10);
    const scene = await litellmScene({ deployments: ids.map((id) => deployment(id)), hangModels: ids });
    const cancel = new AbortController();
    const arrived = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (chatRequests(scene.server).length >= 4) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    void arrived.then(() => cancel.abort());
    const events = await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ids }, cancel.signal);

    expect(events).toEqual([]);
    await expect.poll(() => scene.server.abortedStreams).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chatRequests(scene.server)).toHaveLength(4);
    expect(await scene.restart().api['models:get-health']({ instanceId: 'litellm' })).toEqual({});
  });

  it('keeps what finished before a cancel', async () => {
    const scene = await litellmScene({ deployments: [deployment('quick'), deployment('stuck')], hangModels: ['stuck'] });
    const cancel = new AbortController();
    const events: string[] = [];
    const stream = scene.backend.streams['models:check']({ instanceId: 'litellm', modelIds: ['quick', 'stuck'] }, cancel.signal);
    for await (const event of stream) {
      events.push(event.type);
      if (event.type === 'health') cancel.abort();
    }
    expect(events).toEqual(['health']);
    expect(Object.keys(await scene.restart().api['models:get-health']({ instanceId: 'litellm' }))).toEqual(['quick']);
  });

  it('checks a model asked twice once', async () => {
    const scene = await litellmScene();
    const events = await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['gpt-4o', 'gpt-4o'] });
    expect(events.map((event) => event.type)).toEqual(['health', 'done']);
    expect(chatRequests(scene.server)).toHaveLength(1);
  });

  it.each([
    ['openrouter', 'OpenRouter is not connected'],
    ['custom:gone', 'custom:gone is not connected'],
  ] as const)('ends at once with a sentence when %s is not connected, asking nothing', async (instanceId, sentence) => {
    const scene = await litellmScene();
    const events = await collect(scene.backend, 'models:check', { instanceId, modelIds: ['gpt-4o'] });
    expect(events).toEqual([{ type: 'error', error: { kind: 'not-configured', message: expect.stringContaining(sentence) }, totalMs: 0 }]);
    expect(chatRequests(scene.server)).toHaveLength(0);
  });
});
