import { expect, test } from '../support/fixtures.js';
import { keychainEntry } from '../support/keychain.js';

const KEY = 'sk-master-1234';

test.describe('LiteLLM in Settings > Proxy Platforms', () => {
  test('LiteLLM is an enabled platform; choosing it shows the URL and key inputs', async ({ switchboard }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await expect(settings.liteLLMButton).toBeEnabled();
    await expect(settings.urlInput).toHaveValue('http://localhost:4000');
    await expect(settings.keyInput).toHaveAttribute('type', 'password');
    await expect(settings.keyInput).toHaveAttribute('autocomplete', 'off');
    await expect(settings.keyInput).toHaveAttribute('spellcheck', 'false');
  });

  test('a URL that is not http(s) or carries credentials is refused before anything is sent', async ({ switchboard }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.urlInput.fill('ftp://proxy.example.com');
    await expect(settings.urlInput).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.dialog.getByText(/Only http:\/\/ and https:\/\//)).toBeVisible();
    await expect(settings.testButton).toBeDisabled();
    await settings.urlInput.fill('http://admin:secret@localhost:4000');
    await expect(settings.dialog.getByText(/Remove the user name and password/)).toBeVisible();
    await settings.urlInput.fill('http://localhost:4000/v1/');
    await expect(settings.testButton).toBeEnabled();
  });

  test('a successful test shows Connected with the model count and the time it took', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(`${litellm.url}/v1/`, KEY);
    await expect(settings.status).toContainText('Connected');
    await expect(settings.status).toContainText('4 models');
    await expect(settings.status).toContainText(/\d+ ms/);
    await expect(settings.model('gpt-4o')).toBeVisible();
  });

  test('a wrong key is reported as refused, and nothing is stored', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, 'sk-wrong');
    await expect(settings.status).toContainText('refused the API key');
    await expect(settings.status).toHaveAttribute('data-kind', 'unauthorized');
    expect(keychainEntry('litellm')).toBeNull();
  });

  test('a proxy that is not running is reported as such', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    const url = litellm.url;
    await litellm.close();
    await settings.openLiteLLM();
    await settings.connect(url);
    await expect(settings.status).toContainText('Nothing is listening');
    await expect(settings.status).toHaveAttribute('data-kind', 'unreachable');
  });

  test('the chosen model and connection are saved, and come back after a restart with the key in the keychain', async ({
    switchboard,
    litellm,
  }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await expect(switchboard.settings.status).toContainText('Connected');
    await switchboard.settings.chooseModel('claude-3-5-sonnet');
    await expect(switchboard.settings.model('claude-3-5-sonnet')).toHaveAttribute('aria-selected', 'true');
    await switchboard.settings.saveButton.click();
    await expect(switchboard.settings.dialog.getByText('Saved')).toBeVisible();
    expect(keychainEntry('litellm')).toBe(KEY);

    await switchboard.restart();
    const { settings, page } = switchboard;
    await settings.openLiteLLM();
    await expect(settings.urlInput).toHaveValue(litellm.url);
    await expect(settings.keyInput).toHaveValue('');
    await expect(settings.dialog.getByText(/key is stored in the system keychain/i)).toBeVisible();
    // The models come back with the stored key.
    await expect(settings.model('claude-3-5-sonnet')).toHaveAttribute('aria-selected', 'true');
    expect(litellm.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    await expect(page.getByText('claude-3-5-sonnet').first()).toBeVisible();
  });

  test('saving again without a key removes the stored key; Disconnect removes the connection', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.chooseModel('gpt-4o');
    await settings.saveButton.click();
    await expect.poll(() => keychainEntry('litellm')).toBe(KEY);

    await settings.dialog.getByRole('button', { name: 'Forget stored key' }).click();
    await settings.saveButton.click();
    await expect.poll(() => keychainEntry('litellm')).toBeNull();

    await settings.disconnectButton.click();
    await expect(settings.urlInput).toHaveValue('http://localhost:4000');
    await expect(settings.disconnectButton).toBeHidden();
    await switchboard.restart();
    await switchboard.settings.openLiteLLM();
    await expect(switchboard.settings.disconnectButton).toBeHidden();
  });
});
