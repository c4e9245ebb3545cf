import { readFile, stat } from 'node:fs/promises';
import { defaultDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

test.describe('writing the chosen model into opencode', () => {
  test('Use This Model shows the change as a diff; Write config puts the provider in the file', async ({ switchboard, litellm }) => {
    const { settings, page } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await expect(settings.status).toContainText('Connected');
    await settings.chooseModel('gpt-4o');
    await settings.saveButton.click();

    const diff = page.getByTestId('opencode-config-diff');
    await expect(diff).toContainText('"model": "litellm/gpt-4o"');
    await expect(diff).toContainText('{env:LITELLM_API_KEY}');
    await expect(diff).not.toContainText(KEY);
    // Nothing is written before the user says so.
    await expect(stat(switchboard.opencodeConfigPath)).rejects.toThrow();

    // The optional small model goes into the same change.
    await page.getByTestId('opencode-small-model-select').selectOption('claude-3-5-sonnet');
    await expect(diff).toContainText('"small_model": "litellm/claude-3-5-sonnet"');

    await page.getByTestId('opencode-write-button').click();
    await expect(page.getByTestId('opencode-status')).toContainText(switchboard.opencodeConfigPath);
    const config = JSON.parse(await readFile(switchboard.opencodeConfigPath, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      $schema: 'https://opencode.ai/config.json',
      model: 'litellm/gpt-4o',
      small_model: 'litellm/claude-3-5-sonnet',
      provider: {
        litellm: {
          npm: '@ai-sdk/openai-compatible',
          options: { baseURL: `${litellm.url}/v1`, apiKey: '{env:LITELLM_API_KEY}' },
          models: { 'gpt-4o': { limit: { context: 128000, output: 16384 } } },
        },
      },
    });
    await expect(page.getByTestId('opencode-sync-toggle')).toBeChecked();
  });

  test('after a restart, choosing another model keeps the file in sync', async ({ switchboard, litellm }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.chooseModel('gpt-4o');
    await switchboard.settings.saveButton.click();
    await switchboard.page.getByTestId('opencode-write-button').click();
    await expect(switchboard.page.getByTestId('opencode-status')).toContainText(switchboard.opencodeConfigPath);

    await switchboard.restart();
    const { settings, page } = switchboard;
    await settings.openLiteLLM();
    await expect(settings.model('gpt-4o')).toBeVisible();
    await settings.chooseModel('claude-3-5-sonnet');
    await settings.saveButton.click();
    await expect(page.getByTestId('opencode-status')).toContainText('updated');
    await expect
      .poll(async () => (JSON.parse(await readFile(switchboard.opencodeConfigPath, 'utf8')) as { model?: string }).model)
      .toBe('litellm/claude-3-5-sonnet');
    expect(await readFile(`${switchboard.opencodeConfigPath}.bak`, 'utf8')).toContain('litellm/gpt-4o');
  });

  test('a Responses-only model is left out and the preview says so, until Settings › opencode asks for it', async ({ switchboard }) => {
    // The proxy's config says mode "responses" for o1-pro, as LiteLLM's map does.
    const proxy = await startLiteLLMServer({
      deployments: [...defaultDeployments(), { model_name: 'o1-pro', litellm_params: { model: 'openai/o1-pro', api_key: 'x' }, model_info: { mode: 'responses' } }],
    });
    try {
      const { settings, page } = switchboard;
      await settings.openLiteLLM();
      await settings.connect(proxy.url, KEY);
      await expect(settings.status).toContainText('Connected');
      await settings.chooseModel('gpt-4o');
      await settings.saveButton.click();
      const diff = page.getByTestId('opencode-config-diff');
      await expect(diff).toContainText('"model": "litellm/gpt-4o"');
      await expect(diff).not.toContainText('o1-pro');
      await expect(page.getByTestId('opencode-responses-only-note')).toContainText('o1-pro');

      await settings.dialog.getByRole('tab', { name: 'opencode' }).click();
      const responsesOnly = settings.dialog.getByRole('switch', { name: 'Also write models that only speak the Responses API' });
      await expect(responsesOnly).not.toBeChecked();
      await responsesOnly.click();
      await expect(responsesOnly).toBeChecked();

      await settings.dialog.getByRole('tab', { name: 'Proxy Platforms' }).click();
      await expect(diff).toContainText('"npm": "@ai-sdk/openai"');
      await expect(page.getByTestId('opencode-responses-only-note')).toBeHidden();
      await page.getByTestId('opencode-write-button').click();
      await expect(page.getByTestId('opencode-status')).toContainText(switchboard.opencodeConfigPath);
      const config = JSON.parse(await readFile(switchboard.opencodeConfigPath, 'utf8')) as Record<string, unknown>;
      expect(config).toMatchObject({ provider: { litellm: { models: { 'o1-pro': { provider: { npm: '@ai-sdk/openai' } } } } } });
    } finally {
      await proxy.close();
    }
  });
});
