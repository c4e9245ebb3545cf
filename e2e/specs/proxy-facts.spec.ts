import { readFileSync } from 'node:fs';
import { defaultDeployments, fixturesDir, startLiteLLMServer, startStaticServer } from '@switchboard/test-servers';
import { AppShell } from '../pages/app-shell.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

test.describe('What the proxy says about each model', () => {
  test("a row shows the admin's description, the model behind the alias, and PDF / web search / caching", async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await settings.waitForDetails();
    await expect(settings.description('claude-3-5-sonnet')).toHaveText('my sonnet');
    await expect(settings.underlying('claude-3-5-sonnet')).toHaveText('→ anthropic/claude-3-5-sonnet-20241022');
    await expect(settings.capabilities('claude-3-5-sonnet')).toHaveText(['vision', 'tools', 'PDF', 'web search', 'caching']);
    await expect(settings.capabilities('claude-3-5-sonnet').filter({ hasText: 'PDF' })).toHaveAttribute('title', /^Accepts PDF files as input, from /);
    await expect(settings.fact('claude-3-5-sonnet', 'price')).toHaveAttribute('title', /; cached input \$0\.30 to read, \$3\.75 to write, from /);
    // No description was written for gpt-4o: nothing is made up.
    await expect(settings.description('gpt-4o')).toHaveCount(0);
    await expect(settings.underlying('gpt-4o')).toHaveText('→ openai/gpt-4o');
  });

  test('a model the proxy configured as free says Free', async ({ switchboard }) => {
    const free = await startLiteLLMServer({
      deployments: [
        ...defaultDeployments(),
        {
          model_name: 'house-llama',
          litellm_params: { model: 'openai/house-llama', api_base: 'http://127.0.0.1:9/v1' },
          model_info: { input_cost_per_token: 0, output_cost_per_token: 0, max_input_tokens: 32768, max_output_tokens: 4096, mode: 'chat' },
        },
      ],
    });
    try {
      const { settings } = switchboard;
      await settings.openLiteLLM();
      await settings.connect(free.url, KEY);
      await settings.waitForDetails();
      await expect(settings.fact('house-llama', 'price')).toHaveText('Free');
      await expect(settings.fact('house-llama', 'price')).toHaveAttribute('title', /^Free: \$0 input, \$0 output per million tokens, from the proxy/);
      await expect(settings.fact('house-llama', 'context')).toHaveText('32K ctx');
      await expect(settings.fact('gpt-4o', 'price')).toHaveText('$2.50 / $10.00 per M');
    } finally {
      await free.close();
    }
  });

  test("a URL copied from LiteLLM's admin page is offered as its base, and connects", async ({ switchboard, litellm }) => {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.urlInput.fill(`${litellm.url}/ui/?login=success`);
    await expect(settings.urlInput).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.urlMessage).toHaveText(`This is LiteLLM's admin page. Use ${litellm.url}?`);
    await expect(settings.testButton).toBeDisabled();
    await expect(settings.urlSuggestion).toHaveText(`Use ${litellm.url}`);
    // Keyboard: the offer is the next stop after the field.
    await settings.urlInput.focus();
    await switchboard.page.keyboard.press('Tab');
    await expect(settings.urlSuggestion).toBeFocused();
    await switchboard.page.keyboard.press('Enter');
    await expect(settings.urlInput).toHaveValue(litellm.url);
    await expect(settings.urlInput).toBeFocused();
    await expect(settings.urlSuggestion).toHaveCount(0);
    await settings.connect(null, KEY);
    await expect(settings.status).toContainText('Connected · 4 models');
  });

  test("a base URL that answers with LiteLLM's admin page is named as such, and its origin tested in one click", async ({ switchboard }) => {
    // A reverse proxy that serves the admin UI for every address under /litellm, and the API at its root.
    const adminPage = readFileSync(`${fixturesDir}/litellm-1.81.0/admin-ui.html`, 'utf8');
    const site = await startStaticServer({
      '/litellm/v1/models': { contentType: 'text/html; charset=utf-8', body: adminPage },
      '/v1/models': { contentType: 'application/json', body: JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1677610602, owned_by: 'openai' }] }) },
    });
    try {
      const { settings } = switchboard;
      await settings.openLiteLLM();
      await settings.connect(`${site.url}/litellm`);
      await expect(settings.status).toContainText("LiteLLM's admin page");
      await expect(settings.urlSuggestion).toHaveText(`Use ${site.url} and test again`);
      await settings.urlSuggestion.click();
      await expect(settings.urlInput).toHaveValue(site.url);
      await expect(settings.status).toContainText('Connected · 1 model');
      await expect(settings.urlSuggestion).toHaveCount(0);
    } finally {
      await site.close();
    }
  });

  test("a team key's listing says that the key's access decides what is listed", async ({ switchboard }) => {
    const team = await startLiteLLMServer({ teamKeys: { 'sk-team-key-5678': { sentinels: ['all-team-models'], models: ['gpt-4o', 'claude-3-5-sonnet'] } } });
    try {
      const { settings } = switchboard;
      await settings.openLiteLLM();
      await settings.connect(team.url, 'sk-team-key-5678');
      await expect(settings.status).toContainText('Connected · 2 models');
      await expect(settings.listNote).toBeVisible();
      await expect(settings.listNote).toContainText('all-team-models');
      await expect(settings.model('all-team-models')).toHaveCount(0);
      await expect(settings.model('gpt-4o')).toBeVisible();

      // The master key sees the whole proxy: no note.
      await settings.keyInput.fill(KEY);
      await settings.testButton.click();
      await expect(settings.status).toContainText('Connected · 4 models');
      await expect(settings.listNote).toHaveCount(0);
    } finally {
      await team.close();
    }
  });
});

test.describe("The header's status", () => {
  test('none, then ok once a model is chosen, then stale with the reason when the proxy is down at launch', async ({ switchboard, litellm }) => {
    const shell = new AppShell(switchboard.page);
    await expect(shell.status).toHaveAttribute('data-state', 'none');
    await expect(shell.currentModel).toHaveText('No model chosen');

    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.saveModel('gpt-4o');
    await switchboard.settings.close();
    await expect(shell.status).toHaveAttribute('data-state', 'ok');
    await expect(shell.currentModel).toHaveText('LiteLLM · gpt-4o');

    await litellm.close();
    await switchboard.restart();
    const after = new AppShell(switchboard.page);
    await expect(after.status).toHaveAttribute('data-state', 'stale');
    await expect(after.currentModel).toHaveText('LiteLLM · gpt-4o');
    await expect(after.statusReason).toBeHidden();
    await after.status.hover();
    await expect(after.statusReason).toBeVisible();
    await expect(after.statusReason).toContainText('Nothing is listening');
    await switchboard.page.mouse.move(0, 0);
    await expect(after.statusReason).toBeHidden();
    // Keyboard: the status takes focus, shows the reason and is described by it.
    await after.status.focus();
    await expect(after.status).toBeFocused();
    await expect(after.statusReason).toBeVisible();
    await expect(after.status).toHaveAccessibleDescription(/Could not refresh the list: Nothing is listening/);
  });

  test('stale when the proxy answers with an error at launch, ok again after a refresh that works', async ({ switchboard, litellm }) => {
    await switchboard.settings.openLiteLLM();
    await switchboard.settings.connect(litellm.url, KEY);
    await switchboard.settings.saveModel('claude-3-5-sonnet');
    litellm.update({ failure: 'server-error' });

    await switchboard.restart();
    const shell = new AppShell(switchboard.page);
    await expect(shell.status).toHaveAttribute('data-state', 'stale');
    litellm.update({ failure: null });
    const { settings } = switchboard;
    await settings.openLiteLLM();
    await settings.refreshButton.click();
    await expect(settings.status).toContainText('Connected · 4 models');
    await settings.close();
    await expect(shell.status).toHaveAttribute('data-state', 'ok');
  });
});
