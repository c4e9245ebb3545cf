// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { PLATFORMS } from '../../src/renderer/lib/platforms';
import { appHarness } from './app-harness';
import { byTestId, click, getByRole, getByTestId, type } from './dom';
import { openRouterModels } from './main-process/loopback-servers';

const app = appHarness();

const id = (testId: string) => getByTestId(document.body, testId);
const input = (testId: string) => id(testId) as HTMLInputElement;
const button = (testId: string) => id(testId) as HTMLButtonElement;
/** What each Test Connection asked main, as the page sent it. */
const tested = () => app.main.streamsTo('connection:diagnose').map((call) => call.input);
const header = () => id('current-model').textContent;
const testIdsWithPrefix = (prefix: string) =>
  [...document.querySelectorAll('[data-testid]')].map((element) => element.getAttribute('data-testid') ?? '').filter((testId) => testId.startsWith(`${prefix}-`));

describe('one panel for every platform', () => {
  test.each(PLATFORMS.map((platform) => [platform.displayName, platform.testIdPrefix] as const))(
    '%s: the same form, with its own test ids and no other platform\'s',
    async (name, prefix) => {
      await app.openPlatform(name);
      for (const suffix of ['panel', 'url-input', 'api-key-input', 'api-key-toggle', 'key-status', 'test-button', 'selected-model', 'save-button']) {
        expect(byTestId(document.body, `${prefix}-${suffix}`), `${prefix}-${suffix}`).not.toBeNull();
      }
      expect(id('connection-status').getAttribute('role')).toBe('status');
      for (const other of PLATFORMS.filter((platform) => platform.testIdPrefix !== prefix)) expect(testIdsWithPrefix(other.testIdPrefix)).toEqual([]);
      expect(document.querySelector(`section[aria-label="${name} settings"]`)).not.toBeNull();
    },
  );

  test('the platform buttons are named LiteLLM, OpenRouter and Custom endpoint, all enabled', async () => {
    await app.start();
    await click(id('sidebar-settings-button'));
    await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.platform-button')];
    expect(buttons.map((element) => element.getAttribute('aria-label'))).toEqual(['LiteLLM', 'OpenRouter', 'Custom endpoint']);
    expect(buttons.every((element) => !element.disabled)).toBe(true);
  });

  test('each platform keeps its own model list while the user switches between them', async () => {
    app.servers.openrouter.update({ models: openRouterModels(['openai/gpt-4o-mini']) });
    await app.openPlatform('LiteLLM');
    await click(id('litellm-test-button'));
    expect(id('litellm-model-select').querySelectorAll('[role="option"]')).toHaveLength(4);
    await click(getByRole(document.body, 'button', 'OpenRouter'));
    expect(byTestId(document.body, 'openrouter-model-select')).toBeNull();
    await type(input('openrouter-api-key-input'), 'sk-or-v1-test');
    await click(id('openrouter-test-button'));
    expect([...id('openrouter-model-select').querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-model-id'))).toEqual(['openai/gpt-4o-mini']);
    await click(getByRole(document.body, 'button', 'LiteLLM'));
    expect(id('litellm-model-select').querySelectorAll('[role="option"]')).toHaveLength(4);
  });
});

describe('OpenRouter', () => {
  test('shows its fixed address read-only, and Test waits for a key with a hint', async () => {
    await app.openPlatform('OpenRouter');
    expect(input('openrouter-url-input').value).toBe('https://openrouter.ai/api/v1');
    expect(input('openrouter-url-input').readOnly).toBe(true);
    expect(input('openrouter-api-key-input').getAttribute('aria-required')).toBe('true');
    expect(button('openrouter-test-button').disabled).toBe(true);
    expect(id('openrouter-key-status').textContent).toBe('A key is required: enter one to test the connection.');
    await type(input('openrouter-api-key-input'), 'sk-or-v1-test');
    expect(button('openrouter-test-button').disabled).toBe(false);
    await click(id('openrouter-test-button'));
    // The address is OpenRouter's own: it is never sent.
    expect(tested()).toEqual([{ platform: 'openrouter', key: { mode: 'provided', value: 'sk-or-v1-test' } }]);
    expect(id('connection-status').textContent).toBe('Connected · 4 models · 35 ms');
    expect(byTestId(document.body, 'openrouter-key-warning')).toBeNull();
  });

  test('a key that does not start with sk-or- but is accepted connects, with a warning that is not an error', async () => {
    app.servers.openrouter.update({ validKeys: ['custom-key-123'] });
    await app.openPlatform('OpenRouter');
    await type(input('openrouter-api-key-input'), 'custom-key-123');
    await click(id('openrouter-test-button'));
    expect(id('connection-status').getAttribute('data-tone')).toBe('success');
    const warning = id('openrouter-key-warning');
    expect(warning.textContent).toBe('OpenRouter keys usually start with "sk-or-". It was accepted, but check that you pasted the right one.');
    expect(warning.closest('[role="status"]')).not.toBeNull();
    expect(warning.className).toContain('notice-warning');
  });

  test('a refused key is an error, and nothing is listed', async () => {
    await app.openPlatform('OpenRouter');
    await type(input('openrouter-api-key-input'), 'sk-or-v1-wrong');
    await click(id('openrouter-test-button'));
    expect(id('connection-status').getAttribute('data-kind')).toBe('unauthorized');
    expect(byTestId(document.body, 'openrouter-model-select')).toBeNull();
  });

  test('save sends the key and model without an address; the header names OpenRouter; a stored key cannot be forgotten', async () => {
    await app.openPlatform('OpenRouter');
    await type(input('openrouter-api-key-input'), 'sk-or-v1-test');
    await click(id('openrouter-test-button'));
    await click(id('openrouter-model-select').querySelector('[data-model-id="claude-3-5-sonnet"]'));
    await click(id('openrouter-save-button'));
    expect(app.main.callsTo('openrouter:set-config')).toEqual([{ key: { mode: 'provided', value: 'sk-or-v1-test' }, selectedModel: 'claude-3-5-sonnet' }]);
    expect(header()).toBe('OpenRouter · claude-3-5-sonnet');
    expect(id('openrouter-key-status').textContent).toContain('A key is stored');
    expect(byTestId(document.body, 'openrouter-forget-key-button')).toBeNull();
    expect(button('openrouter-test-button').disabled).toBe(false);
    await click(id('openrouter-test-button'));
    expect(tested().at(-1)).toEqual({ platform: 'openrouter', key: { mode: 'stored' } });
  });
});

describe('the current model in the header', () => {
  test('follows the most recent save across platforms, and falls back when that one is disconnected', async () => {
    await app.main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
    await app.start();
    expect(header()).toBe('LiteLLM · gpt-4o');
    await app.openPlatform('OpenRouter');
    await type(input('openrouter-api-key-input'), 'sk-or-v1-test');
    await click(id('openrouter-test-button'));
    await click(id('openrouter-model-select').querySelector('[data-model-id="fake-up"]'));
    await click(id('openrouter-save-button'));
    expect(header()).toBe('OpenRouter · fake-up');
    expect(id('current-model').getAttribute('data-platform')).toBe('openrouter');
    await click(id('openrouter-disconnect-button'));
    expect(header()).toBe('LiteLLM · gpt-4o');
  });

  test('at launch, names the platform whose model was saved last', async () => {
    await app.main.save('openrouter', { url: 'https://openrouter.ai/api/v1', selectedModel: 'openai/gpt-4o', savedAt: 2_000 });
    await app.main.storeKey('openrouter', 'sk-or-v1-test');
    await app.main.save('custom:box', { name: 'Box', url: 'http://box:8000', selectedModel: 'llama', savedAt: 1_000 });
    await app.start();
    expect(header()).toBe('OpenRouter · openai/gpt-4o');
    await click(id('sidebar-settings-button'));
    await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
    expect(getByRole(document.body, 'button', 'OpenRouter').getAttribute('aria-pressed')).toBe('true');
  });

  test('at launch, a custom endpoint saved after OpenRouter is the one named', async () => {
    await app.main.save('openrouter', { url: 'https://openrouter.ai/api/v1', selectedModel: 'openai/gpt-4o', savedAt: 2_000 });
    await app.main.storeKey('openrouter', 'sk-or-v1-test');
    await app.main.save('custom:box', { name: 'Box', url: 'http://box:8000', selectedModel: 'llama', savedAt: 3_000 });
    await app.start();
    expect(header()).toBe('Box · llama');
  });
});
