import { defaultDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import { AppShell } from '../pages/app-shell.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

test.describe('The model catalog', () => {
  test('groups models by provider, each group with its model count', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    await expect(settings.groupHeaders).toHaveText(['Anthropic1 model', 'OpenAI3 models']);
    await expect(settings.modelCount).toHaveText('4 models');
  });

  test('the search is fuzzy over name and id, keeps the groups, and highlights what matched', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    // One letter missing: still found.
    await settings.search.fill('sonet');
    await expect(settings.modelList.getByRole('option')).toHaveCount(1);
    await expect(settings.groupHeaders).toHaveText(['Anthropic1 model']);
    await expect(settings.model('claude-3-5-sonnet').locator('mark')).toHaveText(['sonnet']);
    await expect(settings.modelCount).toHaveText('1 model of 4');
  });

  test('keyboard: typing on the list goes to the search, arrows move, Enter picks, Escape clears', async ({ switchboard, litellm }) => {
    const { settings, page } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    await settings.groupHeaders.first().click();
    await expect(settings.modelList).toBeFocused();
    await page.keyboard.type('l');
    await expect(settings.search).toBeFocused();
    await page.keyboard.type('lama');
    await expect(settings.search).toHaveValue('llama');
    await expect(settings.modelList.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    // "l" matches claude-3-5-sonnet, then (under OpenAI) local-llama; the first match is active.
    await expect(settings.search).toHaveAttribute('aria-activedescendant', await settings.model('claude-3-5-sonnet').getAttribute('id') ?? '');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(settings.model('local-llama')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('litellm-selected-model')).toHaveText('Selected: local-llama');
    await page.keyboard.press('Escape');
    await expect(settings.search).toHaveValue('');
    await expect(settings.dialog).toBeVisible();
  });

  test('non-chat models hide behind a switch; a wildcard route is never a model', async ({ switchboard }) => {
    const wildcard = await startLiteLLMServer({
      deployments: [
        { model_name: 'openai/*', litellm_params: { model: 'openai/*' } },
        { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' } },
      ],
    });
    try {
      const listed = (await (await fetch(`${wildcard.url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as { data: { id: string }[] };
      const ids = listed.data.map((entry) => entry.id);
      expect(ids).toContain('openai/*');
      const models = ids.filter((id) => !id.includes('*')).length;

      const { settings } = switchboard;
      await settings.openLiteLLM();
      await settings.connect(wildcard.url, KEY);
      await settings.waitForDetails();
      const label = await settings.modeToggle.locator('..').innerText();
      const hidden = Number(/Show non-chat models \((\d+)\)/.exec(label)?.[1]);
      expect(hidden).toBeGreaterThan(0);
      await expect(settings.modeToggle).not.toBeChecked();
      // Every model but the wildcard is counted: the chat ones listed, the others behind the switch.
      await expect(settings.modelCount).toHaveText(`${models - hidden} models`);

      await settings.search.fill('text-embedding-3-small');
      await expect(settings.modelList.getByRole('option')).toHaveCount(0);
      await expect(settings.dialog.getByText('Only non-chat models match')).toBeVisible();
      await settings.modeToggle.check();
      const embedding = settings.model('openai/text-embedding-3-small');
      await expect(embedding).toBeVisible();
      await expect(embedding.locator('[data-badge="mode"]')).toHaveText('embedding');

      await settings.search.fill('');
      await expect(settings.modelCount).toHaveText(`${models} models`);
      await settings.search.fill('*');
      await expect(settings.modelList.getByRole('option')).toHaveCount(0);
    } finally {
      await wildcard.close();
    }
  });

  test('a known model shows its figures and badges with their sources; an unknown one shows dashes', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    await expect(settings.fact('gpt-4o', 'context')).toHaveText('128K ctx');
    await expect(settings.fact('gpt-4o', 'context')).toHaveAttribute('title', /^Context window: 128,000 tokens, from (the proxy|LiteLLM's public price map)$/);
    await expect(settings.fact('gpt-4o', 'output')).toHaveText('16K out');
    await expect(settings.fact('gpt-4o', 'price')).toHaveText('$2.50 / $10.00 per M');
    await expect(settings.capabilities('gpt-4o')).toHaveText(['vision', 'tools', 'PDF', 'caching']);
    await expect(settings.capabilities('gpt-4o').first()).toHaveAttribute('title', /^Accepts images, from /);

    for (const key of ['context', 'output', 'price'] as const) {
      await expect(settings.fact('fake-up', key).locator('.fact-value')).toHaveText('—');
      await expect(settings.fact('fake-up', key)).toHaveAttribute('title', /: unknown$/);
    }
    await expect(settings.capabilities('fake-up')).toHaveCount(0);
  });

  test('Refresh shows its progress, picks up a new model and updates "last fetched"', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.saveModel('gpt-4o');
    await expect(settings.lastFetched).toContainText('Last fetched just now');
    const before = Number(await settings.lastFetched.getAttribute('data-fetched-at'));

    litellm.update({
      latencyMs: 400,
      deployments: [...defaultDeployments(), { model_name: 'gpt-4o-mini', litellm_params: { model: 'openai/gpt-4o-mini' } }],
    });
    await settings.refreshButton.click();
    await expect(settings.refreshButton).toHaveText('Refreshing…');
    await expect(settings.refreshButton).toHaveAttribute('aria-busy', 'true');
    await expect(settings.refreshButton).toHaveText('Refresh');
    await expect(settings.status).toContainText('Connected · 5 models');
    await expect.poll(async () => Number(await settings.lastFetched.getAttribute('data-fetched-at'))).toBeGreaterThan(before);
    await settings.search.fill('mini');
    await expect(settings.model('gpt-4o-mini')).toBeVisible();
  });

  test('when the proxy stops answering, the last list stays usable, marked stale with the reason', async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    await settings.saveModel('gpt-4o');
    await settings.search.fill('');
    await litellm.close();

    await settings.refreshButton.click();
    await expect(settings.staleNotice).toBeVisible();
    await expect(settings.staleNotice).toContainText('Out of date — showing the list fetched just now');
    await expect(settings.staleNotice).toContainText('Nothing is listening');
    await expect(settings.staleNotice).toHaveAttribute('data-kind', 'unreachable');
    await expect(settings.modelList.getByRole('option')).toHaveCount(4);
    await settings.chooseModel('claude-3-5-sonnet');
    await expect(settings.saveButton).toBeEnabled();

    // Reopening Settings still says so; nothing was deleted.
    await settings.close();
    await settings.openLiteLLM();
    await expect(settings.staleNotice).toContainText('Nothing is listening');
    await expect(settings.model('claude-3-5-sonnet')).toBeVisible();
  });

  test('after a restart with the proxy down, the cached list shows at once, marked stale', async ({ switchboard, litellm }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.waitForDetails();
    await switchboard.settings.saveModel('claude-3-5-sonnet');
    await litellm.close();

    await switchboard.restart();
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await expect(settings.modelList.getByRole('option')).toHaveCount(4);
    await expect(settings.fact('gpt-4o', 'context')).toHaveText('128K ctx');
    await expect(settings.model('claude-3-5-sonnet')).toHaveAttribute('aria-selected', 'true');
    await expect(settings.staleNotice).toContainText('Nothing is listening');
  });

  test('the current model survives a restart and is shown outside Settings', async ({ switchboard, litellm }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.saveModel('claude-3-5-sonnet');

    await switchboard.restart();
    const shell = new AppShell(switchboard.page);
    await expect(shell.currentModel).toHaveText('LiteLLM · claude-3-5-sonnet');
    await expect(switchboard.settings.dialog).toBeHidden();
    // The launch check has asked the proxy, and the model is still there.
    await expect.poll(() => litellm.requests.filter((request) => request.path.startsWith('/v1/models')).length).toBeGreaterThan(1);
    await expect(shell.currentModelMissing).toBeHidden();
  });

  test('when the proxy no longer offers the saved model, the app says so', async ({ switchboard, litellm }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.saveModel('gpt-4o');
    litellm.update({ deployments: defaultDeployments().filter((deployment) => deployment.model_name !== 'gpt-4o') });

    await switchboard.restart();
    const shell = new AppShell(switchboard.page);
    await expect(shell.currentModel).toHaveText('LiteLLM · gpt-4o');
    await expect(shell.currentModelMissing).toHaveText('gpt-4o is no longer offered by the proxy. Choose another in Settings.');

    const { settings } = switchboard;
    await settings.openLiteLLM();
    await expect(settings.selectedMissing).toHaveText('gpt-4o is no longer offered by the proxy. Choose another model.');
    await expect(settings.saveButton).toBeDisabled();
    await expect(settings.model('gpt-4o')).toHaveCount(0);
    await settings.saveModel('claude-3-5-sonnet');
    await expect(shell.currentModelMissing).toBeHidden();
    await expect(shell.currentModel).toHaveText('LiteLLM · claude-3-5-sonnet');
  });
});
