import { startLiteLLMServer, type LiteLLMDeployment } from '@switchboard/test-servers';
import { AppShell } from '../pages/app-shell.js';
import { expect, test } from '../support/fixtures.js';
import { keychainEntry } from '../support/keychain.js';

const KEY = 'sk-vllm-secret-4242';
// An Ollama-like server: ids only, no metadata routes, its own models.
const OLLAMA_MODELS: LiteLLMDeployment[] = [
  { model_name: 'qwen2.5-coder:7b', litellm_params: { model: 'ollama/qwen2.5-coder:7b' } },
  { model_name: 'llama3.1:8b', litellm_params: { model: 'ollama/llama3.1:8b' } },
];

/** Two plain OpenAI-compatible servers: one open, one that wants a key. */
async function twoServers() {
  const open = await startLiteLLMServer({ metadata: false, masterKey: null });
  const keyed = await startLiteLLMServer({ metadata: false, masterKey: KEY, deployments: OLLAMA_MODELS });
  return { open, keyed, close: () => Promise.all([open.close(), keyed.close()]) };
}

test.describe('Custom OpenAI-compatible endpoints', () => {
  test('a new endpoint lists the server\'s ids with nothing known about them', async ({ switchboard }) => {
    const { open, close } = await twoServers();
    try {
      const { settings } = switchboard;
      await settings.openPlatform('Custom endpoint');
      const custom = settings.custom;
      await expect(settings.platformButton('Custom endpoint')).toBeEnabled();
      await expect(custom.endpointSelect).toHaveValue('');
      await expect(custom.saveButton).toBeDisabled();
      await custom.fill('Open box', open.url);
      await expect(custom.status).toContainText('Connected · 4 models');
      for (const key of ['context', 'output', 'price'] as const) await expect(custom.fact('gpt-4o', key)).toHaveAttribute('data-known', 'false');
      // The list is its ids; besides it, Test Connection only asks which agent APIs answer, spending no tokens (#14).
      expect(open.requests.map((request) => request.path).filter((path) => !['/v1/responses', '/v1/messages/count_tokens'].includes(path))).toEqual(['/v1/models']);
      await custom.chooseModel('gpt-4o');
      // Limits belong to a saved endpoint.
      await expect(custom.limitSource).toHaveText('Save this endpoint to enter limits for its models.');
      await expect(custom.limitContextInput).toBeDisabled();
    } finally {
      await close();
    }
  });

  test('two endpoints side by side, each with its own name, key account and model; a wrong key is refused; all of it survives a restart', async ({
    switchboard,
  }) => {
    const { open, keyed, close } = await twoServers();
    try {
      await switchboard.settings.openPlatform('Custom endpoint');
      const first = switchboard.settings.custom;
      await first.fill('Open box', open.url);
      await expect(first.status).toContainText('Connected');
      await first.saveModel('gpt-4o');
      await expect(first.endpointOptions()).toHaveText([`Open box — ${open.url}`]);
      expect(keychainEntry('custom:open-box')).toBeNull();

      await first.addButton.click();
      await expect(first.nameInput).toHaveValue('');
      await expect(first.endpointSelect).toHaveValue('');
      await first.fill('Keyed box', keyed.url, 'sk-wrong');
      await expect(first.status).toHaveAttribute('data-kind', 'unauthorized');
      await expect(first.status).toContainText('refused the API key');
      await first.connect(keyed.url, KEY);
      await expect(first.status).toContainText('Connected · 2 models');
      await first.saveModel('qwen2.5-coder:7b');
      expect(keychainEntry('custom:keyed-box')).toBe(KEY);
      expect(keychainEntry('custom:open-box')).toBeNull();
      await expect(first.endpointOptions()).toHaveText([`Open box — ${open.url}`, `Keyed box — ${keyed.url}`]);
      await expect(new AppShell(switchboard.page).currentModel).toHaveText('Keyed box · qwen2.5-coder:7b');

      // The model gives no limits: type them.
      await first.chooseModel('qwen2.5-coder:7b');
      await first.saveLimits('32768', '8192');
      await expect(first.limitSource).toHaveText('You entered a context window of 32,768 tokens and an output limit of 8,192 tokens.');
      await expect(first.fact('qwen2.5-coder:7b', 'context')).toHaveAttribute('title', 'Context window: 32,768 tokens, entered by you');
      await expect(first.fact('qwen2.5-coder:7b', 'output')).toHaveAttribute('data-typed', 'true');

      // Each endpoint keeps its own list and model.
      await first.selectEndpoint('Open box');
      await expect(first.urlInput).toHaveValue(open.url);
      await expect(first.model('gpt-4o')).toHaveAttribute('aria-selected', 'true');
      await expect(first.model('qwen2.5-coder:7b')).toHaveCount(0);

      await switchboard.restart();
      // The header names the choice saved last, across restarts.
      await expect(new AppShell(switchboard.page).currentModel).toHaveText('Keyed box · qwen2.5-coder:7b');
      const { settings } = switchboard;
      await settings.openProxyPlatforms();
      // The platform and endpoint in use open by themselves.
      await expect(settings.platformButton('Custom endpoint')).toHaveAttribute('aria-pressed', 'true');
      const custom = settings.custom;
      await expect(custom.nameInput).toHaveValue('Keyed box');
      await expect(custom.urlInput).toHaveValue(keyed.url);
      await expect(custom.keyInput).toHaveValue('');
      await expect(custom.keyStatus).toHaveText('A key is stored in the system keychain. Leave this empty to keep using it.');
      await expect(custom.savedModel).toHaveText('qwen2.5-coder:7b');
      await expect(custom.model('qwen2.5-coder:7b')).toHaveAttribute('aria-selected', 'true');
      await expect(custom.fact('qwen2.5-coder:7b', 'context')).toContainText('32K');
      await expect(custom.fact('qwen2.5-coder:7b', 'context')).toHaveAttribute('title', 'Context window: 32,768 tokens, entered by you');
      await expect(custom.fact('qwen2.5-coder:7b', 'output')).toContainText('8K');
      await expect(custom.limitContextInput).toHaveValue('32768');
      await expect(custom.limitOutputInput).toHaveValue('8192');
      await custom.testButton.click();
      await expect(custom.status).toContainText('Connected · 2 models');
      expect(keyed.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

      await custom.selectEndpoint('Open box');
      await expect(custom.nameInput).toHaveValue('Open box');
      await expect(custom.model('gpt-4o')).toHaveAttribute('aria-selected', 'true');
      await expect(custom.keyStatus).toHaveText('No key will be sent.');
      // Saving again makes it the one in use.
      await custom.saveButton.click();
      await expect(custom.saveStatus).toHaveText('Saved');
      await expect(new AppShell(switchboard.page).currentModel).toHaveText('Open box · gpt-4o');
    } finally {
      await close();
    }
  });

  test('removing an endpoint removes its key and leaves the other one', async ({ switchboard }) => {
    const { open, keyed, close } = await twoServers();
    try {
      await switchboard.settings.openPlatform('Custom endpoint');
      const custom = switchboard.settings.custom;
      await custom.fill('Keyed box', keyed.url, KEY);
      await custom.saveModel('llama3.1:8b');
      await custom.addButton.click();
      await custom.fill('Open box', open.url);
      await custom.saveModel('fake-up');
      await expect(new AppShell(switchboard.page).currentModel).toHaveText('Open box · fake-up');

      await custom.selectEndpoint('Keyed box');
      await custom.disconnectButton.click();
      await expect.poll(() => keychainEntry('custom:keyed-box')).toBeNull();
      await expect(custom.endpointOptions()).toHaveText([`Open box — ${open.url}`]);
      await expect(custom.nameInput).toHaveValue('Open box');
      await expect(new AppShell(switchboard.page).currentModel).toHaveText('Open box · fake-up');
    } finally {
      await close();
    }
  });
});
