import { defaultOpenRouterModels } from '@switchboard/test-servers';
import { AppShell } from '../pages/app-shell.js';
import { expect, test } from '../support/fixtures.js';
import { keychainEntry } from '../support/keychain.js';

const KEY = 'sk-or-v1-test';
// A key OpenRouter accepts that does not look like one of its keys: accepted, with a warning.
const ODD_KEY = 'custom-key-123';
const MODELS = defaultOpenRouterModels().length;

test.use({ openrouterOptions: { validKeys: [KEY, ODD_KEY] } });

test.describe('OpenRouter in Settings > Proxy Platforms', () => {
  test('is an enabled platform with its fixed address shown read-only; Test waits for a key', async ({ switchboard, openrouter }) => {
    const { settings } = switchboard;
    await settings.openPlatform('OpenRouter');
    const panel = settings.openrouter;
    await expect(settings.platformButton('OpenRouter')).toBeEnabled();
    await expect(panel.urlInput).toHaveValue(`${openrouter.url}/api/v1`);
    await expect(panel.urlInput).toHaveAttribute('readonly', '');
    await expect(panel.keyInput).toHaveAttribute('type', 'password');
    await expect(panel.testButton).toBeDisabled();
    await expect(panel.keyStatus).toHaveText('A key is required: enter one to test the connection.');
    await panel.keyInput.fill(KEY);
    await expect(panel.testButton).toBeEnabled();
  });

  test('connecting lists its models with what OpenRouter says about them', async ({ switchboard, openrouter }) => {
    const panel = switchboard.settings.openrouter;
    await switchboard.settings.openPlatform('OpenRouter');
    await panel.connect(null, KEY);
    await expect(panel.status).toContainText(`Connected · ${MODELS} models`);
    await expect(panel.keyWarning).toHaveCount(0);
    await panel.search.fill('gpt-4o');
    await expect(panel.fact('openai/gpt-4o', 'context')).toHaveText('128K ctx');
    await expect(panel.fact('openai/gpt-4o', 'context')).toHaveAttribute('title', 'Context window: 128,000 tokens, from the proxy');
    await expect(panel.fact('openai/gpt-4o', 'price')).toHaveText('$2.50 / $10.00 per M');
    await expect(panel.capabilities('openai/gpt-4o')).toHaveText(['vision', 'tools', 'PDF']);
    expect(openrouter.requests.find((request) => request.path === '/api/v1/key')?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test('a wrong key is refused, and nothing is stored', async ({ switchboard }) => {
    const panel = switchboard.settings.openrouter;
    await switchboard.settings.openPlatform('OpenRouter');
    await panel.connect(null, 'sk-or-v1-wrong');
    await expect(panel.status).toHaveAttribute('data-kind', 'unauthorized');
    await expect(panel.modelList).toHaveCount(0);
    expect(keychainEntry('openrouter')).toBeNull();
  });

  test('a key without "sk-or-" that OpenRouter accepts connects, with a warning that is not an error', async ({ switchboard }) => {
    const panel = switchboard.settings.openrouter;
    await switchboard.settings.openPlatform('OpenRouter');
    await panel.connect(null, ODD_KEY);
    await expect(panel.status).toContainText('Connected');
    await expect(panel.status).toHaveAttribute('data-tone', 'success');
    await expect(panel.keyWarning).toContainText('sk-or-');
    await panel.saveModel('openai/gpt-4o-mini');
    expect(keychainEntry('openrouter')).toBe(ODD_KEY);
    // A new test with a key of the usual shape clears the warning.
    await panel.keyInput.fill(KEY);
    await panel.testButton.click();
    await expect(panel.status).toContainText('Connected');
    await expect(panel.keyWarning).toHaveCount(0);
  });

  test('pick and save: after a restart the model is in use, the key is in the keychain, and the models come back', async ({
    switchboard,
    openrouter,
  }) => {
    await switchboard.settings.openPlatform('OpenRouter');
    const before = switchboard.settings.openrouter;
    await before.connect(null, KEY);
    await expect(before.status).toContainText('Connected');
    await before.saveModel('anthropic/claude-3.5-sonnet');
    expect(keychainEntry('openrouter')).toBe(KEY);
    expect(keychainEntry('litellm')).toBeNull();
    const shell = new AppShell(switchboard.page);
    await expect(shell.currentModel).toHaveText('OpenRouter · anthropic/claude-3.5-sonnet');

    await switchboard.restart();
    await expect(new AppShell(switchboard.page).currentModel).toHaveText('OpenRouter · anthropic/claude-3.5-sonnet');
    const { settings } = switchboard;
    // The platform in use opens by itself.
    await settings.openProxyPlatforms();
    await expect(settings.platformButton('OpenRouter')).toHaveAttribute('aria-pressed', 'true');
    const panel = settings.openrouter;
    await expect(panel.keyInput).toHaveValue('');
    await expect(panel.keyStatus).toHaveText('A key is stored in the system keychain. Leave this empty to keep using it.');
    await expect(panel.savedKey).toContainText('In the system keychain');
    await expect(panel.savedModel).toHaveText('anthropic/claude-3.5-sonnet');
    await expect(panel.model('anthropic/claude-3.5-sonnet')).toHaveAttribute('aria-selected', 'true');
    await expect(panel.testButton).toBeEnabled();
    await panel.testButton.click();
    await expect(panel.status).toContainText('Connected');
    expect(openrouter.requests.filter((request) => request.path === '/api/v1/key').at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await switchboard.page.locator('body').innerText()).not.toContain(KEY);
  });

  test('Disconnect removes the key from the keychain and the model from the header', async ({ switchboard }) => {
    const panel = switchboard.settings.openrouter;
    await switchboard.settings.openPlatform('OpenRouter');
    await panel.connect(null, KEY);
    await panel.saveModel('openai/gpt-4o');
    await panel.disconnectButton.click();
    await expect.poll(() => keychainEntry('openrouter')).toBeNull();
    await expect(panel.disconnectButton).toBeHidden();
    await expect(new AppShell(switchboard.page).currentModel).toHaveText('No model chosen');
  });
});
