// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByTestId, settle, type } from './dom';
import { OLLAMA, VLLM } from './main-process/loopback-servers';

// At VLLM a server that lists qwen2.5-coder and llama-3.1-8b, ids only; at OLLAMA one that lists llama3.1:8b and mistral:7b for the key "ollama-key".
const app = appHarness();

/** What each Test Connection asked main, as the page sent it. */
const tested = () => app.main.streamsTo('connection:diagnose').map((call) => call.input);

const openCustom = () => app.openPlatform('Custom endpoint');
const id = (testId: string) => getByTestId(document.body, testId);
const input = (testId: string) => id(testId) as HTMLInputElement;
const button = (testId: string) => id(testId) as HTMLButtonElement;
const options = () => [...document.querySelectorAll('[role="option"]')].map((option) => option.getAttribute('data-model-id'));
const endpoints = () => [...(id('custom-endpoint-select') as HTMLSelectElement).options].map((option) => [option.value, option.textContent]);

async function choose(select: HTMLElement, value: string) {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function addEndpoint(name: string, url: string, modelId: string, key?: string) {
  await type(input('custom-name-input'), name);
  await type(input('custom-url-input'), url);
  if (key) await type(input('custom-api-key-input'), key);
  await click(id('custom-test-button'));
  await click(id('custom-model-select').querySelector(`[data-model-id="${modelId}"]`));
  await click(id('custom-save-button'));
}

describe('custom endpoints', () => {
  test('with none saved, the panel starts a new one: a name is needed to save, and the test sends no endpoint id', async () => {
    await openCustom();
    expect(endpoints()).toEqual([['', 'New endpoint (not saved yet)']]);
    expect(button('custom-add-button').disabled).toBe(true);
    expect(input('custom-url-input').value).toBe('http://localhost:8000');
    await type(input('custom-url-input'), VLLM);
    await click(id('custom-test-button'));
    expect(tested()).toEqual([{ platform: 'custom', url: VLLM, key: { mode: 'none' } }]);
    expect(options()).toEqual(['llama-3.1-8b', 'qwen2.5-coder']);
    // A server that lists ids only: nothing more is asked.
    expect(app.main.callsTo('custom:fetch-metadata')).toEqual([]);
    expect(byTestId(document.body, 'custom-metadata-loading')).toBeNull();
    await click(id('custom-model-select').querySelector('[data-model-id="qwen2.5-coder"]'));
    expect(button('custom-save-button').disabled).toBe(true);
    await type(input('custom-name-input'), 'My vLLM');
    expect(button('custom-save-button').disabled).toBe(false);
  });

  test('saving a new endpoint gives it an id; the same panel goes on with its list, and the header names it', async () => {
    await openCustom();
    await addEndpoint('My vLLM', VLLM, 'qwen2.5-coder');
    expect(app.main.callsTo('custom:save-endpoint')).toEqual([{ name: 'My vLLM', url: VLLM, key: { mode: 'none' }, selectedModel: 'qwen2.5-coder' }]);
    expect(id('save-status').textContent).toBe('Saved');
    expect(endpoints()).toEqual([['my-vllm', `My vLLM — ${VLLM}`]]);
    expect((id('custom-endpoint-select') as HTMLSelectElement).value).toBe('my-vllm');
    expect(options()).toEqual(['llama-3.1-8b', 'qwen2.5-coder']);
    expect(getByTestId(document.body, 'current-model').textContent).toBe('My vLLM · qwen2.5-coder');
    expect(id('custom-saved-name').textContent).toBe('My vLLM');
    // From now on the endpoint's own channels are used, with its id.
    await click(id('custom-test-button'));
    expect(tested().at(-1)).toEqual({ platform: 'custom', endpointId: 'my-vllm', url: VLLM, key: { mode: 'none' } });
  });

  test('a second endpoint sits beside the first, each with its own name, key and list', async () => {
    await openCustom();
    await addEndpoint('My vLLM', VLLM, 'qwen2.5-coder');
    await click(id('custom-add-button'));
    expect(input('custom-name-input').value).toBe('');
    expect(byTestId(document.body, 'custom-model-select')).toBeNull();
    await type(input('custom-name-input'), 'Ollama');
    await type(input('custom-url-input'), OLLAMA);
    await type(input('custom-api-key-input'), 'wrong');
    await click(id('custom-test-button'));
    expect(id('connection-status').getAttribute('data-kind')).toBe('unauthorized');
    await type(input('custom-api-key-input'), 'ollama-key');
    await click(id('custom-test-button'));
    await click(id('custom-model-select').querySelector('[data-model-id="mistral:7b"]'));
    await click(id('custom-save-button'));
    expect(endpoints().map(([value]) => value)).toEqual(['my-vllm', 'ollama']);
    expect(await app.main.storedKey('custom:ollama')).toBe('ollama-key');
    expect(await app.main.storedKey('custom:my-vllm')).toBeNull();

    await choose(id('custom-endpoint-select'), 'my-vllm');
    expect(input('custom-name-input').value).toBe('My vLLM');
    expect(input('custom-url-input').value).toBe(VLLM);
    expect(id('custom-key-status').textContent).toBe('No key will be sent.');
    expect(options()).toEqual(['llama-3.1-8b', 'qwen2.5-coder']);
    await choose(id('custom-endpoint-select'), 'ollama');
    expect(id('custom-key-status').textContent).toContain('A key is stored');
    expect(options()).toEqual(['llama3.1:8b', 'mistral:7b']);
  });

  test('opens the saved endpoints from the cache, with the endpoint id on every call', async () => {
    await app.main.save('custom:box', { name: 'Box', url: VLLM, selectedModel: 'qwen2.5-coder' });
    await openCustom();
    expect(input('custom-name-input').value).toBe('Box');
    // The launch check (Box is in use) and the panel both ask, each time for Box.
    expect(app.main.callsTo('custom:get-cached-models')).toEqual([{ endpointId: 'box' }, { endpointId: 'box' }]);
    expect(new Set(app.main.callsTo('custom:fetch-models').map((call) => JSON.stringify(call)))).toEqual(new Set(['{"endpointId":"box"}']));
    expect(document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-model-id')).toBe('qwen2.5-coder');
  });

  test('limits typed for a model are saved for it and shown as entered by you', async () => {
    await app.main.save('custom:box', { name: 'Box', url: VLLM, selectedModel: 'qwen2.5-coder' });
    await openCustom();
    expect(id('custom-limit-source').textContent).toContain('The server does not say');
    expect(input('custom-limit-context-input').placeholder).toBe('Unknown');
    await type(input('custom-limit-context-input'), '32,768');
    await type(input('custom-limit-output-input'), '');
    await click(id('custom-limit-save-button'));
    expect(app.main.callsTo('custom:set-model-limits')).toEqual([
      { endpointId: 'box', modelId: 'qwen2.5-coder', limits: { contextLength: 32768, maxOutputTokens: null } },
    ]);
    expect(id('custom-limit-status').textContent).toBe('Limits saved');
    expect(id('custom-limit-source').textContent).toBe('You entered a context window of 32,768 tokens.');
    const context = document.querySelector('[data-model-id="qwen2.5-coder"] [data-fact="context"]');
    expect(context?.getAttribute('title')).toBe('Context window: 32,768 tokens, entered by you');
    expect(context?.getAttribute('data-typed')).toBe('true');
    expect(document.querySelector('[data-model-id="qwen2.5-coder"] [data-fact="output"]')?.getAttribute('data-known')).toBe('false');
  });

  test('a limit that is not a whole number is refused before anything is sent', async () => {
    await app.main.save('custom:box', { name: 'Box', url: VLLM, selectedModel: 'qwen2.5-coder' });
    await openCustom();
    await type(input('custom-limit-context-input'), '32k');
    await click(id('custom-limit-save-button'));
    expect(id('custom-limit-status').textContent).toBe('Context window: type a whole number of tokens, such as 32768.');
    expect(app.main.callsTo('custom:set-model-limits')).toEqual([]);
  });

  test('an endpoint not saved yet cannot take limits', async () => {
    await openCustom();
    await type(input('custom-url-input'), VLLM);
    await click(id('custom-test-button'));
    await click(id('custom-model-select').querySelector('[data-model-id="qwen2.5-coder"]'));
    expect(id('custom-limit-source').textContent).toBe('Save this endpoint to enter limits for its models.');
    expect(button('custom-limit-save-button').disabled).toBe(true);
  });

  test('Remove endpoint removes it and opens the next one', async () => {
    await app.main.save('custom:a', { name: 'A', url: VLLM, selectedModel: 'qwen2.5-coder' });
    await app.main.save('custom:b', { name: 'B', url: OLLAMA, selectedModel: 'mistral:7b' });
    await openCustom();
    expect(getByTestId(document.body, 'current-model').textContent).toBe('A · qwen2.5-coder');
    expect(id('custom-disconnect-button').textContent).toBe('Remove endpoint');
    await click(id('custom-disconnect-button'));
    expect(app.main.callsTo('custom:disconnect')).toEqual([{ endpointId: 'a' }]);
    expect(endpoints().map(([value]) => value)).toEqual(['b']);
    expect(input('custom-name-input').value).toBe('B');
    expect(getByTestId(document.body, 'current-model').textContent).toBe('B · mistral:7b');
  });
});
