import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_GENERATION_PARAMS, type GenerateEvent, type StreamInput } from '@switchboard/shared';
import { DEFAULT_MASTER_KEY, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../src/store/secret-store.js';
import { missingSecretServiceTools, NO_PRIVATE_SECRET_SERVICE, startPrivateSecretService, type PrivateSecretService } from '../support/private-secret-service.js';
import { chatRequests, collect, litellmScene, type Scene } from './backend.js';

const ask = (modelId: string, extra: Partial<StreamInput<'playground:generate'>> = {}): StreamInput<'playground:generate'> => ({
  instanceId: 'litellm',
  modelId,
  system: '',
  prompt: 'Say hi',
  params: DEFAULT_GENERATION_PARAMS,
  stream: true,
  ...extra,
});

const closing: Array<{ close(): Promise<void> } | PrivateSecretService> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((item) => ('stop' in item ? item.stop() : item.close())));
});

describe('playground:generate on the saved connection', () => {
  it('streams the answer from the saved URL with the stored key, which no event shows', async () => {
    const scene = await litellmScene();
    const events = await collect(scene.backend, 'playground:generate', ask('gpt-4o'));

    expect(events[0]).toMatchObject({ type: 'start', url: `${scene.server.url}/v1/chat/completions` });
    expect(events.filter((event) => event.type === 'delta').map((event) => event.text).join('')).toBe('Hi from upstream');
    expect(events.at(-1)).toMatchObject({ type: 'done', ending: 'complete', answeredBy: 'gpt-4o' });
    expect(chatRequests(scene.server)[0]?.headers.authorization).toBe(`Bearer ${DEFAULT_MASTER_KEY}`);
    expect(JSON.stringify(events)).not.toContain(DEFAULT_MASTER_KEY);
  });

  it('ends at once as stopped, sending nothing, when Stop comes while the model\'s metadata is still being asked for', async () => {
    const scene = await litellmScene({ latencyMs: 5_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const started = Date.now();
    const events = await collect(scene.backend, 'playground:generate', ask('gpt-4o'), stop.signal);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(events.at(-1)).toMatchObject({ type: 'done', ending: 'stopped' });
    expect(chatRequests(scene.server)).toHaveLength(0);
  });

  it("waits for the first byte as long as the settings file says, and says that figure", async () => {
    const scene = await litellmScene({ hangModels: ['gpt-4o'] });
    const file = join(scene.dir, 'settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as { playground: Record<string, unknown> };
    settings.playground = { ...settings.playground, firstByteTimeoutMs: 1_000 };
    await writeFile(file, JSON.stringify(settings));
    const started = Date.now();
    const events = await collect(scene.restart(), 'playground:generate', ask('gpt-4o'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'timeout', message: expect.stringContaining('sent nothing within 1 s') } });
  });

  it('says a platform that is not connected is not, and sends nothing', async () => {
    const scene = await litellmScene();
    const events = await collect(scene.backend, 'playground:generate', ask('gpt-4o', { instanceId: 'openrouter' }));
    expect(events).toEqual([
      { type: 'error', error: { kind: 'not-configured', message: 'OpenRouter is not connected. Connect it in Settings › Proxy Platforms, then try again.' }, totalMs: 0 },
    ]);
    expect(chatRequests(scene.server)).toHaveLength(0);
  });
});

describe.skipIf(missingSecretServiceTools.length > 0)(`playground streams with a locked keychain${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  it('end with the keychain\'s sentence and send nothing, for the playground and the check alike', async () => {
    const keychain = await startPrivateSecretService();
    closing.push(keychain);
    const scene = await litellmScene({}, { secrets: createKeytarSecretStore('switchboard-test-playground', { env: keychain.env }) });
    await keychain.lock();

    for (const events of [
      await collect(scene.backend, 'playground:generate', ask('gpt-4o')),
      await collect(scene.backend, 'models:check', { instanceId: 'litellm', modelIds: ['gpt-4o'] }),
    ]) {
      expect(events).toEqual([{ type: 'error', error: { kind: 'keychain-locked', message: expect.stringContaining('The system keychain is locked') }, totalMs: 0 }]);
    }
    expect(chatRequests(scene.server)).toHaveLength(0);
  });
});

/** A key this process knows (OpenRouter's, saved) and a hostile endpoint that echoes it in every field it fills. */
const OTHER_KEY = 'or-secret-7f3a9c1e5b2d';

async function hostileEndpoint(scene: Scene, chat: { status?: number; contentType: string; body: string }): Promise<RunningServer> {
  const server = await startStaticServer({
    '/v1/chat/completions': { ...chat, headers: { 'x-litellm-call-id': `call-${OTHER_KEY}` } },
  });
  closing.push(server);
  expect(await scene.backend.api['openrouter:set-config']({ key: { mode: 'provided', value: OTHER_KEY }, selectedModel: 'x/y' })).toMatchObject({ ok: true });
  expect(await scene.backend.api['custom:save-endpoint']({ name: 'Echo', url: server.url, key: { mode: 'none' }, selectedModel: null })).toMatchObject({
    ok: true,
    value: { id: 'echo' },
  });
  return server;
}

const chunk = (fields: Record<string, unknown>) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: `m-${OTHER_KEY}`, ...fields })}\n\n`;

describe('every streamed event passes the redactor', () => {
  it('masks a known key echoed in the answer, the reasoning, the model, the finish reason and the call id', async () => {
    const scene = await litellmScene();
    await hostileEndpoint(scene, {
      contentType: 'text/event-stream',
      body:
        chunk({ choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: `thinking of ${OTHER_KEY}` } }] }) +
        chunk({ choices: [{ index: 0, delta: { content: `your other key is ${OTHER_KEY}, ` } }] }) +
        chunk({ choices: [{ index: 0, delta: { content: 'bye' }, finish_reason: `stop-${OTHER_KEY}` }] }) +
        'data: [DONE]\n\n',
    });
    const events: GenerateEvent[] = await collect(scene.backend, 'playground:generate', ask('any', { instanceId: 'custom:echo' }));

    expect(events.map((event) => event.type)).toEqual(['start', 'reasoning', 'delta', 'delta', 'done']);
    expect(JSON.stringify(events)).not.toContain(OTHER_KEY);
    expect(events.find((event) => event.type === 'delta')).toEqual({ type: 'delta', text: 'your other key is [redacted], ' });
    expect(events.at(-1)).toMatchObject({ answeredBy: 'm-[redacted]', finishReason: 'stop-[redacted]', callId: 'call-[redacted]' });
  });

  it('masks it in an error sentence, in the check\'s result and in the file the result is kept in', async () => {
    const scene = await litellmScene();
    await hostileEndpoint(scene, { status: 500, contentType: 'application/json', body: JSON.stringify({ error: { message: `upstream refused ${OTHER_KEY}` } }) });

    const generated = await collect(scene.backend, 'playground:generate', ask('any', { instanceId: 'custom:echo', stream: false }));
    expect(generated.at(-1)).toMatchObject({ type: 'error', error: { kind: 'server-error', message: expect.stringContaining('upstream refused [redacted]') } });
    const checked = await collect(scene.backend, 'models:check', { instanceId: 'custom:echo', modelIds: ['any'] });
    expect(checked[0]).toMatchObject({ type: 'health', health: { state: 'error', message: expect.stringContaining('upstream refused [redacted]') } });
    expect(JSON.stringify([generated, checked])).not.toContain(OTHER_KEY);

    const files = await readdir(scene.dir, { recursive: true });
    const contents = await Promise.all(files.map((name) => readFile(join(scene.dir, name), 'utf8').catch(() => '')));
    expect(contents.join('\n')).toContain('upstream refused [redacted]');
    expect(contents.join('\n')).not.toContain(OTHER_KEY);
  });
});
