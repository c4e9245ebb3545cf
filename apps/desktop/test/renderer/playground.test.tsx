// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { byTestId, click, press, settle } from './dom';
import { VLLM } from './main-process/loopback-servers';
import { byId, choose, fill, PROXY, restartableApp, until } from './playground-helpers';

const app = restartableApp();

afterEach(() => {
  // The servers keep what a test set until told otherwise: pacing and failures end with the test.
  app.servers.litellm.update({ stream: undefined, replyTokens: undefined, hangModels: undefined, upstreamDiesMidstream: null, deadUpstreamDelayMs: undefined });
});

/** LiteLLM at PROXY with gpt-4o in use, as a person would have left it, and the app open. */
async function startWith(model = 'gpt-4o') {
  await app.main.save('litellm', { url: PROXY, selectedModel: model, savedAt: 1 });
  await app.start();
}

const output = () => byTestId(document.body, 'playground-output');
const metric = (key: string) => byId('playground-metrics').querySelector(`[data-metric="${key}"] dd`)?.textContent;
const ended = () => output() !== null && output()?.dataset.state !== 'streaming';

describe('Overview', () => {
  test('names the model in use with what the catalog knows of it, and the playground asks it', async () => {
    await startWith();
    await until(() => document.querySelector('[data-fact="context"]') !== null, "the model's facts");
    expect(byId('overview-model').textContent).toBe('gpt-4o');
    const facts = byId('overview-connection');
    expect(facts.querySelector('[data-fact="context"] dd')?.textContent).toBe('128K ctx');
    expect(facts.querySelector('[data-fact="price"] dd')?.textContent).toMatch(/^\$[\d.]+ \/ \$[\d.]+ per M$/);
    expect(byId('playground-model').dataset.modelId).toBe('gpt-4o');
    expect(byId('playground-model').dataset.instanceId).toBe('litellm');
  });

  test('with nothing connected, there is no playground, only where to set one up', async () => {
    await app.start();
    expect(byTestId(document.body, 'playground')).toBeNull();
    expect(byTestId(document.body, 'playground-prompt')).toBeNull();
  });
});

describe('controls by what the model says it takes', () => {
  test('gpt-4o (LiteLLM lists response_format; nobody here says it takes a schema): text or a JSON object, no reasoning effort', async () => {
    await startWith();
    await until(() => byTestId(document.body, 'playground-response-format') !== null, 'the response format');
    const formats = [...(byId('playground-response-format') as HTMLSelectElement).options].map((option) => option.value);
    expect(formats).toEqual(['text', 'json_object']);
    expect(byTestId(document.body, 'playground-reasoning-effort')).toBeNull();
    await choose(byId('playground-response-format'), 'json_object');
    await fill(byId('playground-prompt'), 'Answer in JSON');
    await click(byId('playground-send'));
    await until(ended, 'the answer');
    const body = JSON.parse(app.servers.litellm.requests.findLast((request) => request.path.includes('chat/completions'))?.body ?? '{}') as Record<string, unknown>;
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  test('a server that lists ids only: nobody says, so neither control is offered', async () => {
    await app.main.save('custom:my-vllm', { url: VLLM, selectedModel: 'qwen2.5-coder', name: 'My vLLM', savedAt: 1 });
    await app.start();
    expect(byId('playground-model').dataset.instanceId).toBe('custom:my-vllm');
    expect(app.main.callsTo('playground:get-capabilities')).toEqual([{ instanceId: 'custom:my-vllm', modelId: 'qwen2.5-coder' }]);
    expect(byTestId(document.body, 'playground-response-format')).toBeNull();
    expect(byTestId(document.body, 'playground-reasoning-effort')).toBeNull();
    expect(byTestId(document.body, 'playground-temperature')).not.toBeNull();
  });
});

describe('the draft', () => {
  test('prompt, system prompt, parameters and the stream switch are kept per model and read back after a restart', async () => {
    await startWith();
    await fill(byId('playground-prompt'), 'Kept prompt');
    await fill(byId('playground-system'), 'Kept system');
    await fill(byId('playground-temperature'), '0.4');
    await click(byId('playground-stream'));
    await until(() => app.main.callsTo('playground:save-draft').length > 0, 'the draft to be kept');
    await app.restart();
    await until(() => (byId('playground-prompt') as HTMLTextAreaElement).value !== '', 'the kept draft');
    expect((byId('playground-prompt') as HTMLTextAreaElement).value).toBe('Kept prompt');
    expect((byId('playground-system') as HTMLTextAreaElement).value).toBe('Kept system');
    expect((byId('playground-temperature') as HTMLInputElement).value).toBe('0.4');
    expect((byId('playground-stream') as HTMLInputElement).checked).toBe(false);
  });

  test("another model gets its own draft; coming back brings the first one's", async () => {
    await startWith();
    await fill(byId('playground-prompt'), 'For gpt-4o');
    await click(byId('playground-model'));
    await until(() => byTestId(document.body, 'playground-model-select')?.querySelector('[data-model-id="claude-3-5-sonnet"]') != null, 'the list');
    await click(byId('playground-model-select').querySelector('[data-model-id="claude-3-5-sonnet"]'));
    expect(byId('playground-model').dataset.modelId).toBe('claude-3-5-sonnet');
    // Nothing kept for claude yet: what is on screen stays, to be tried on it as it is.
    expect((byId('playground-prompt') as HTMLTextAreaElement).value).toBe('For gpt-4o');
    await fill(byId('playground-prompt'), 'For claude');
    await click(byId('playground-model'));
    await until(() => byTestId(document.body, 'playground-model-select') !== null, 'the list');
    await click(byId('playground-model-select').querySelector('[data-model-id="gpt-4o"]'));
    await until(() => (byId('playground-prompt') as HTMLTextAreaElement).value === 'For gpt-4o', "gpt-4o's draft");
    const saved = app.main.callsTo('playground:save-draft') as Array<{ modelId: string; draft: { prompt: string } }>;
    expect(saved.filter((call) => call.modelId === 'claude-3-5-sonnet').at(-1)?.draft.prompt).toBe('For claude');
  });
});

describe('the model asked', () => {
  test("any model of any connected platform: another platform's list is fetched when chosen, and its model asked", async () => {
    await app.main.save('custom:my-vllm', { url: VLLM, selectedModel: 'qwen2.5-coder', name: 'My vLLM', savedAt: 1 });
    await startWith();
    expect(byId('playground-model').dataset.instanceId).toBe('litellm');
    await click(byId('playground-model'));
    await choose(byId('playground-platform'), 'custom:my-vllm');
    await until(() => byTestId(document.body, 'playground-model-select')?.querySelector('[data-model-id="llama-3.1-8b"]') != null, "the endpoint's list");
    await click(byId('playground-model-select').querySelector('[data-model-id="llama-3.1-8b"]'));
    expect(byId('playground-model').dataset.instanceId).toBe('custom:my-vllm');
    expect(byId('playground-model').dataset.modelId).toBe('llama-3.1-8b');
    // The app's model in use is unchanged: the playground only asks another.
    expect(byId('overview-model').textContent).toBe('gpt-4o');
    await fill(byId('playground-prompt'), 'Hello?');
    await click(byId('playground-send'));
    await until(ended, 'the answer');
    expect(output()?.dataset.state).toBe('done');
    expect(app.servers.vllm.requests.some((request) => request.path.includes('chat/completions'))).toBe(true);
  });
});

describe('keyboard', () => {
  test('the model picker: open it, search, Enter picks, focus back on the button; Escape closes it', async () => {
    await startWith();
    await click(byId('playground-model'));
    const search = byId('playground-search-input') as HTMLInputElement;
    await until(() => byTestId(document.body, 'playground-model-select')?.querySelector('[data-model-id="fake-up"]') != null, 'the list');
    await fill(search, 'fake');
    await press(search, 'Enter');
    expect(byId('playground-model').dataset.modelId).toBe('fake-up');
    expect(byTestId(document.body, 'playground-search-input')).toBeNull();
    expect(document.activeElement).toBe(byId('playground-model'));
    await click(byId('playground-model'));
    await press(byId('playground-search-input'), 'Escape');
    await press(byId('playground-search-input'), 'Escape');
    expect(byTestId(document.body, 'playground-search-input')).toBeNull();
    expect(document.activeElement).toBe(byId('playground-model'));
    expect(byId('playground-model').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('sending', () => {
  test('Ctrl+Enter sends; the answer streams in and ends with its metrics', async () => {
    app.servers.litellm.update({ replyTokens: 6, stream: { tokenDelayMs: 40 } });
    await startWith();
    await fill(byId('playground-prompt'), 'Say hello');
    await press(byId('playground-prompt'), 'Enter', { ctrlKey: true });
    await until(() => output()?.dataset.state === 'streaming', 'the stream to start');
    expect(byId('playground-cancel').getAttribute('aria-disabled')).toBe('false');
    await until(ended, 'the answer');
    expect(output()?.dataset.state).toBe('done');
    expect(output()?.textContent?.split(' ').filter(Boolean)).toHaveLength(6);
    expect(metric('completion-tokens')).toBe('6');
    expect(metric('answered-by')).toBe('gpt-4o');
    expect(metric('finish-reason')).toBe('stop');
    expect(metric('first-token')).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    expect(byId('playground-announce').textContent).toBe('Answer complete.');
    expect(byId('playground-curl').textContent).toContain('/chat/completions');
  });

  test('Stop keeps what came, marked stopped, and the prompt stays', async () => {
    app.servers.litellm.update({ replyTokens: 500, stream: { tokenDelayMs: 20 } });
    await startWith();
    const abortedBefore = app.servers.litellm.abortedStreams;
    await fill(byId('playground-prompt'), 'A long story');
    await click(byId('playground-send'));
    await until(() => (output()?.textContent ?? '') !== '', 'the first tokens');
    await click(byId('playground-cancel'));
    expect(output()?.dataset.state).toBe('stopped');
    expect(byId('playground-ending').dataset.state).toBe('stopped');
    const partial = output()?.textContent ?? '';
    expect(partial).not.toBe('');
    await until(() => app.servers.litellm.abortedStreams > abortedBefore, 'the upstream to be closed');
    await settle();
    expect(output()?.textContent).toBe(partial);
    expect((byId('playground-prompt') as HTMLTextAreaElement).value).toBe('A long story');
  });

  test("an error is a sentence; what was typed stays", async () => {
    await startWith('local-llama');
    await fill(byId('playground-system'), 'System');
    await fill(byId('playground-prompt'), 'Hello?');
    await click(byId('playground-send'));
    await until(ended, 'the answer');
    expect(byId('playground-error').textContent).toMatch(/^LiteLLM proxy at http:\/\/proxy\.internal:4000 could not get an answer from "local-llama" \(HTTP 500\).*try another model\.$/);
    expect((byId('playground-prompt') as HTMLTextAreaElement).value).toBe('Hello?');
    expect((byId('playground-system') as HTMLTextAreaElement).value).toBe('System');
  });

  test('a stream that ends without [DONE] is marked cut off', async () => {
    app.servers.litellm.update({ replyTokens: 6, stream: { dropAfterChunks: 2 } });
    await startWith();
    await fill(byId('playground-prompt'), 'Hello?');
    await click(byId('playground-send'));
    await until(ended, 'the answer');
    expect(byId('playground-ending').dataset.state).toBe('cut-off');
    expect(output()?.textContent).not.toBe('');
  });
});
