// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByRole, getByTestId, press, settle, type } from './dom';

const app = appHarness();

/** Opens the app, Settings, Proxy Platforms and LiteLLM, as a user would. */
async function openPanel() {
  await app.openPlatform('LiteLLM');
  expect(getByRole(document.body, 'button', 'LiteLLM').getAttribute('aria-pressed')).toBe('true');
  return {
    url: getByTestId(document.body, 'litellm-url-input') as HTMLInputElement,
    key: getByTestId(document.body, 'litellm-api-key-input') as HTMLInputElement,
    test: getByTestId(document.body, 'litellm-test-button') as HTMLButtonElement,
    save: getByTestId(document.body, 'litellm-save-button') as HTMLButtonElement,
    status: getByTestId(document.body, 'connection-status'),
  };
}

const header = () => getByTestId(document.body, 'current-model').textContent;

/** What each Test Connection asked main: the platform, the URL and the key, as the page sent them. */
const tested = () => app.main.streamsTo('connection:diagnose').map((call) => call.input);

/** Nothing listens at http://localhost:4000 (the default address) any more. */
async function defaultProxyDown() {
  const { 'http://localhost:4000': _stopped, ...others } = app.main.routes();
  await app.main.route(others);
}

describe('LiteLLM panel', () => {
  test('prefills the URL from get-config and sends no key when none is stored', async () => {
    const panel = await openPanel();
    expect(panel.url.value).toBe('http://localhost:4000');
    expect(panel.key.type).toBe('password');
    expect(panel.key.getAttribute('autocomplete')).toBe('off');
    expect(panel.save.disabled).toBe(true);
    await click(panel.test);
    expect(tested()).toEqual([{ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'none' } }]);
  });

  test('a successful test says Connected with the model count and latency, and lists the models', async () => {
    const panel = await openPanel();
    await click(panel.test);
    expect(panel.status.textContent).toBe('Connected · 4 models · 35 ms');
    expect(panel.status.getAttribute('role')).toBe('status');
    expect(panel.status.getAttribute('aria-live')).toBe('polite');
    const listbox = getByTestId(document.body, 'litellm-model-select');
    expect(listbox.querySelectorAll('[role="option"]')).toHaveLength(4);
  });

  test('keyboard only: search, ArrowDown, Enter picks a model; Escape in the search does not close Settings', async () => {
    const panel = await openPanel();
    await click(panel.test);
    const search = getByTestId(document.body, 'litellm-search-input');
    await type(search, 'o');
    await press(search, 'ArrowDown');
    await press(search, 'Enter');
    // "o" matches claude-3-5-sonnet, gpt-4o and local-llama; typing makes the first active, ArrowDown the second.
    expect(getByTestId(document.body, 'litellm-selected-model').textContent).toBe('Selected: gpt-4o');
    await press(search, 'Escape');
    expect((search as HTMLInputElement).value).toBe('');
    expect(document.querySelector('dialog[open]')).not.toBeNull();
    expect(panel.save.disabled).toBe(false);
  });

  test('a failed test shows the error sentence and its kind', async () => {
    await defaultProxyDown();
    const panel = await openPanel();
    await click(panel.test);
    expect(panel.status.textContent).toMatch(/^Nothing is listening at localhost:4000\b/);
    // The step that failed says so, with what to do.
    const tcp = document.querySelector('[data-testid="diagnosis-step"][data-step="tcp"]');
    expect(tcp?.getAttribute('data-state')).toBe('fail');
    expect(tcp?.querySelector('[data-testid="diagnosis-step-fix"]')?.textContent).toMatch(/\.$/);
    expect(document.querySelector('[data-step="models"]')?.getAttribute('data-state')).toBe('skip');
    expect(panel.status.getAttribute('data-kind')).toBe('unreachable');
    expect(panel.status.className).toContain('status-error');
    expect(byTestId(document.body, 'litellm-model-select')).toBeNull();
  });

  // An <input> drops line breaks itself; a zero-width space copied from a web page or chat does come through.
  test('a key with a pasted invisible character is named as the problem before anything is sent', async () => {
    const panel = await openPanel();
    await type(panel.key, 'sk-abc\u200bdef');
    expect(panel.test.disabled).toBe(true);
    expect(panel.key.getAttribute('aria-invalid')).toBe('true');
    const status = getByTestId(document.body, 'litellm-key-status');
    expect(status.textContent).toMatch(/^The API key contains a zero-width space \(U\+200B\) at position 7/);
    expect(status.textContent).not.toContain('def');
    await click(panel.test);
    expect(tested()).toEqual([]);
    await type(panel.key, 'sk-abcdef');
    expect(panel.test.disabled).toBe(false);
    expect(panel.key.getAttribute('aria-invalid')).toBe('false');
  });

  test('an invalid URL shows the shared message and disables Test', async () => {
    const panel = await openPanel();
    await type(panel.url, 'ftp://proxy.local');
    expect(panel.test.disabled).toBe(true);
    expect(panel.url.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(panel.url.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('Only http:// and https:// URLs are supported, not ftp://.');
    await type(panel.url, 'http://proxy.local:4000/v1/');
    expect(panel.test.disabled).toBe(false);
    expect(panel.url.getAttribute('aria-invalid')).toBe('false');
    await click(panel.test);
    // Sent as typed: the url step says what it changes.
    expect(tested()).toEqual([{ platform: 'litellm', url: 'http://proxy.local:4000/v1/', key: { mode: 'none' } }]);
  });

  test('while testing, the button is disabled, busy and says Testing…', async () => {
    const release = app.main.holdStream('connection:diagnose');
    const panel = await openPanel();
    await click(panel.test);
    expect(panel.test.disabled).toBe(true);
    expect(panel.test.getAttribute('aria-busy')).toBe('true');
    expect(panel.test.textContent).toBe('Testing…');
    release();
    await settle();
    expect(panel.test.disabled).toBe(false);
    expect(panel.test.textContent).toBe('Test Connection');
    expect(panel.status.textContent).toContain('Connected');
  });

  test('a refused stream (transport error) shows a sentence instead of crashing', async () => {
    app.main.overrideStream('connection:diagnose', (_input, _onEvent, onEnd) => {
      queueMicrotask(() => onEnd('Invalid input for connection:diagnose: url too long'));
      return { cancel() {} };
    });
    const panel = await openPanel();
    await click(panel.test);
    expect(panel.status.getAttribute('data-kind')).toBe('transport');
    expect(panel.status.textContent).toBe(
      'Switchboard could not complete the request: Invalid input for connection:diagnose: url too long. Check the values and try again.',
    );
    expect(panel.test.disabled).toBe(false);
  });

  test('typing a key sends it as provided; save stores it and shows the stored placeholder', async () => {
    app.servers.litellm.update({ masterKey: 'sk-master-1234' });
    const panel = await openPanel();
    await type(panel.key, 'sk-master-1234');
    await click(panel.test);
    expect(tested()).toEqual([{ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'provided', value: 'sk-master-1234' } }]);
    await click(getByTestId(document.body, 'litellm-model-select').querySelector('[data-model-id="gpt-4o"]'));
    expect(panel.save.disabled).toBe(false);
    await click(panel.save);

    expect(app.main.callsTo('litellm:set-config')).toEqual([
      { url: 'http://localhost:4000', key: { mode: 'provided', value: 'sk-master-1234' }, selectedModel: 'gpt-4o' },
    ]);
    expect(getByTestId(document.body, 'save-status').textContent).toBe('Saved');
    expect(header()).toBe('LiteLLM · gpt-4o');
    expect(panel.key.value).toBe('');
    expect(panel.key.placeholder).toBe('Stored in keychain (••••1234)');
    expect(getByTestId(document.body, 'litellm-key-status').textContent).toContain('A key is stored in the system keychain');
    expect(getByTestId(document.body, 'litellm-model-select').querySelector('[data-model-id="gpt-4o"] .badge')?.textContent).toBe('current');

    // With the key stored and nothing typed, the next test asks main to use the stored one.
    await click(panel.test);
    expect(tested().at(-1)).toEqual({ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'stored' } });
    expect(panel.status.textContent).toContain('Connected');
  });

  test('"Forget stored key" sends none until a new key is typed', async () => {
    await app.main.storeKey('litellm', 'sk-stored-key-9876');
    await app.main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
    const panel = await openPanel();
    await click(getByRole(document.body, 'button', 'Forget stored key'));
    expect(panel.key.placeholder).not.toContain('Stored');
    await click(panel.test);
    expect(tested().at(-1)).toEqual({ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'none' } });
    await type(panel.key, 'sk-other');
    await click(panel.test);
    expect(tested().at(-1)).toEqual({ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'provided', value: 'sk-other' } });
  });

  test('the show/hide toggle switches the input type and its pressed state', async () => {
    const panel = await openPanel();
    const toggle = getByRole(document.body, 'button', 'Show key');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await click(toggle);
    expect(panel.key.type).toBe('text');
    expect(toggle.getAttribute('aria-label')).toBe('Hide key');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  test('a locked keychain is said as such, and Test asks main for the stored key instead of sending none', async () => {
    // core's own sentence for a keychain that is locked when the key is read.
    const locked =
      'The system keychain is locked, so the stored API key could not be read, and nothing was sent without it. Unlock it (on Linux, the login keyring, for example in Passwords and Keys), then try again.';
    await app.main.keychain('locked');
    const panel = await openPanel();
    const status = getByTestId(document.body, 'litellm-key-status');
    expect(status.textContent).toBe(locked);
    expect(status.className).toBe('field-error');
    expect(panel.key.placeholder).toBe('The keychain could not be read');
    await click(panel.test);
    expect(tested()).toEqual([{ platform: 'litellm', url: 'http://localhost:4000', key: { mode: 'stored' } }]);
  });

  test('after a restart: saved URL and model, key in keychain, models reloaded', async () => {
    await app.main.storeKey('litellm', 'sk-stored-key-9876');
    await app.main.save('litellm', { url: 'http://proxy.internal:4000', selectedModel: 'claude-3-5-sonnet' });
    const release = app.main.hold('litellm:fetch-models');
    await app.start();
    expect(header()).toBe('LiteLLM · claude-3-5-sonnet');
    await click(getByTestId(document.body, 'sidebar-settings-button'));
    await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
    // The platform in use is already open.
    expect(getByRole(document.body, 'button', 'LiteLLM').getAttribute('aria-pressed')).toBe('true');
    expect((getByTestId(document.body, 'litellm-url-input') as HTMLInputElement).value).toBe('http://proxy.internal:4000');
    expect(getByTestId(document.body, 'litellm-models-loading').textContent).toContain('Loading models');
    expect(getByTestId(document.body, 'litellm-key-status').textContent).toBe(
      'A key is stored in the system keychain. Leave this empty to keep using it.',
    );
    expect(document.body.textContent).not.toContain('sk-stored-key-9876');
    release();
    await settle();
    expect(byTestId(document.body, 'litellm-models-loading')).toBeNull();
    const selected = getByTestId(document.body, 'litellm-model-select').querySelector('[aria-selected="true"]');
    expect(selected?.getAttribute('data-model-id')).toBe('claude-3-5-sonnet');
    expect(getByTestId(document.body, 'connection-status').textContent).toBe('Connected · 4 models');
  });

  test('after a restart, a failed model fetch shows the sentence and keeps the saved selection', async () => {
    await app.main.save('litellm', { url: 'http://proxy.internal:4000', selectedModel: 'gpt-4o' });
    // core's deadline is 10 s: the hook gives its answer without holding the test that long.
    app.main.failWith('litellm:fetch-models', { kind: 'timeout', message: 'The proxy did not answer within 10 seconds.' });
    await openPanel();
    const status = getByTestId(document.body, 'connection-status');
    expect(status.textContent).toBe('The proxy did not answer within 10 seconds.');
    expect(status.getAttribute('data-kind')).toBe('timeout');
    expect(getByTestId(document.body, 'litellm-saved-model').textContent).toBe('gpt-4o');
    expect(getByTestId(document.body, 'litellm-selected-model').textContent).toBe('Selected: gpt-4o');
  });

  test('a failed test keeps the saved connection on display', async () => {
    await app.main.save('litellm', { url: 'http://proxy.internal:4000', selectedModel: 'gpt-4o' });
    const panel = await openPanel();
    // The proxy now wants a key, and none is typed or stored.
    app.servers.litellm.update({ masterKey: 'sk-master-1234' });
    await click(panel.test);
    expect(panel.status.getAttribute('data-kind')).toBe('unauthorized');
    expect(getByTestId(document.body, 'litellm-saved-url').textContent).toBe('http://proxy.internal:4000');
    expect(getByTestId(document.body, 'litellm-saved-model').textContent).toBe('gpt-4o');
    expect(header()).toBe('LiteLLM · gpt-4o');
  });

  test('a failed save shows the sentence and changes nothing', async () => {
    const panel = await openPanel();
    await click(panel.test);
    await click(getByTestId(document.body, 'litellm-model-select').querySelector('[data-model-id="fake-up"]'));
    await app.main.keychain('unavailable');
    await click(panel.save);
    const saveStatus = getByTestId(document.body, 'save-status');
    expect(saveStatus.textContent).toBe(
      'The system keychain is not available (The name org.freedesktop.secrets was not provided by any .service files), so the stored API key was not removed. Switchboard keeps API keys only in the keychain. On Linux, install and unlock a Secret Service such as GNOME Keyring, then try again.',
    );
    expect(saveStatus.getAttribute('data-kind')).toBe('keychain');
    expect(header()).toBe('No model chosen');
  });

  test('Disconnect goes back to defaults and the header says no model', async () => {
    await app.main.storeKey('litellm', 'sk-stored-key-9876');
    await app.main.save('litellm', { url: 'http://proxy.internal:4000', selectedModel: 'gpt-4o' });
    const panel = await openPanel();
    await click(getByTestId(document.body, 'litellm-disconnect-button'));
    expect(app.main.callsTo('litellm:disconnect')).toHaveLength(1);
    expect(panel.url.value).toBe('http://localhost:4000');
    expect(panel.key.placeholder).not.toContain('Stored');
    expect(byTestId(document.body, 'litellm-model-select')).toBeNull();
    expect(byTestId(document.body, 'litellm-disconnect-button')).toBeNull();
    expect(panel.save.disabled).toBe(true);
    expect(header()).toBe('No model chosen');
  });

  test('a get-config that rejects still opens the panel with defaults and says why', async () => {
    app.main.reject('litellm:get-config', 'The Switchboard host answered HTTP 401.');
    const panel = await openPanel();
    expect(panel.url.value).toBe('http://localhost:4000');
    expect(panel.status.getAttribute('data-kind')).toBe('transport');
    expect(panel.status.textContent).toContain('The Switchboard host answered HTTP 401');
  });
});
