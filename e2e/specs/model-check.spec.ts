import { defaultDeployments } from '@switchboard/test-servers';
import { ModelCheck } from '../pages/model-check.js';
import { PlaygroundPage } from '../pages/playground-page.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

test.describe('Check models', () => {
  test('costs nothing until confirmed; then each model answers ok or with its sentence, kept with its time and flagged in the picker', async ({
    switchboard,
    litellm,
  }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await expect(settings.status).toContainText('Connected');
    await settings.saveModel('gpt-4o');
    const check = new ModelCheck(switchboard.page);
    const chats = () => litellm.requests.filter((request) => request.path.includes('chat/completions')).length;

    // Cancelling the confirm sends nothing.
    await check.button.click();
    await expect(check.confirmStep).toContainText('4 models');
    await check.cancel.click();
    expect(chats()).toBe(0);

    await check.run(4);
    await expect(check.progress).toHaveText('Checked 4 of 4 · 1 failed');
    for (const ok of ['gpt-4o', 'claude-3-5-sonnet', 'fake-up']) {
      await expect(check.result(ok)).toHaveAttribute('data-state', 'ok');
      await expect(check.result(ok).getByTestId('model-health-latency')).toHaveText(/^\d+(\.\d)? (ms|s)$/);
    }
    await expect(check.result('local-llama')).toHaveAttribute('data-state', 'error');
    await expect(check.result('local-llama').getByTestId('model-health-message')).toContainText('local-llama');
    expect(chats()).toBe(4);
    // One output token each: the check asks for no more.
    for (const request of litellm.requests.filter((entry) => entry.path.includes('chat/completions'))) {
      const body = JSON.parse(request.body) as { max_tokens?: number; max_completion_tokens?: number };
      expect(body.max_tokens ?? body.max_completion_tokens).toBe(1);
    }

    // The failed model is flagged in the pickers, here and in the playground.
    await settings.search.fill('local-llama');
    await expect(settings.model('local-llama').locator('[data-badge="check-failed"]')).toBeVisible();
    await settings.close();
    const playground = new PlaygroundPage(switchboard.page);
    await playground.model.click();
    await playground.search.fill('local');
    await expect(playground.modelList.locator('[data-model-id="local-llama"] [data-badge="check-failed"]')).toBeVisible();

    // The results come back after a restart, with their time.
    await switchboard.restart();
    await switchboard.settings.openLiteLLM();
    const after = new ModelCheck(switchboard.page);
    await expect(after.result('local-llama')).toHaveAttribute('data-state', 'error');
    await expect(after.result('gpt-4o').locator('time')).toHaveText(/just now|min ago/);

    // Checked again once it answers: the flag goes.
    litellm.update({ deployments: defaultDeployments().map((entry) => (entry.model_name === 'local-llama' ? { ...entry, litellm_params: { model: 'openai/llama-3-8b' } } : entry)) });
    await after.select(['local-llama']);
    await after.run(1);
    await expect(after.result('local-llama')).toHaveAttribute('data-state', 'ok');
    await switchboard.settings.search.fill('local-llama');
    await expect(switchboard.settings.model('local-llama')).toBeVisible();
    await expect(switchboard.settings.model('local-llama').locator('[data-badge="check-failed"]')).toHaveCount(0);
  });

  test('a model that never answers times out; Stop ends a check and keeps what came', async ({ switchboard, litellm }) => {
    test.setTimeout(90_000);
    litellm.update({ hangModels: ['fake-up'] });
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.saveModel('gpt-4o');
    const check = new ModelCheck(switchboard.page);
    await check.select(['gpt-4o', 'fake-up']);
    await check.run(2, 60_000);
    await expect(check.result('gpt-4o')).toHaveAttribute('data-state', 'ok');
    await expect(check.result('fake-up')).toHaveAttribute('data-state', 'timeout');

    await check.button.click();
    await check.confirm.click();
    await expect(check.result('gpt-4o')).toHaveAttribute('data-state', 'ok');
    await check.stop.click();
    await expect(check.progress).toHaveAttribute('data-state', 'stopped');
    await expect.poll(() => litellm.abortedStreams).toBeGreaterThanOrEqual(1);
  });
});
