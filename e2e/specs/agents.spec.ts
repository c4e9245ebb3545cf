import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AgentsPage } from '../pages/agents-page.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

/** Claude Code's settings as the person keeps them: strict JSON (a comment would make Claude Code ignore the file). */
const CLAUDE_BY_HAND = `{
  "theme": "dark",
  "permissions": { "allow": ["Bash(ls:*)"] }
}
`;

/** Codex's config with the person's comment, setting and profile. */
const CODEX_BY_HAND = `# my own Codex notes: keep them
model_reasoning_effort = "high"

[profiles.work]
model = "o3"
`;

async function plant(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

test.describe('Settings › Agents', () => {
  test('Claude Code’s and Codex’s files: the diff first, then Write keeps the person’s own setting and comment', async ({ switchboard, litellm }) => {
    const claudePath = join(switchboard.agentHome, '.claude', 'settings.json');
    const codexPath = join(switchboard.agentHome, '.codex', 'config.toml');
    await plant(claudePath, CLAUDE_BY_HAND);
    await plant(codexPath, CODEX_BY_HAND);

    const { settings, page } = switchboard;
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await expect(settings.status).toContainText('Connected');
    await settings.chooseModel('gpt-4o');
    await settings.saveButton.click();
    await expect(page.getByTestId('agents-using-model')).toBeVisible();

    const agents = new AgentsPage(page);
    await agents.open();
    await expect(page.getByTestId('agents-model-in-use')).toContainText('gpt-4o');

    // Claude Code: the proxy's root (no /v1), the model, and the key helper; never the key.
    const claudeDiff = agents.diff('claude-code');
    await expect(claudeDiff).toContainText(`"ANTHROPIC_BASE_URL": "${litellm.url}"`);
    await expect(claudeDiff).toContainText('"ANTHROPIC_MODEL": "gpt-4o"');
    await expect(claudeDiff).toContainText('"apiKeyHelper": "switchboard key litellm"');
    await expect(claudeDiff).not.toContainText(KEY);
    await expect(agents.entry('claude-code')).toHaveAttribute('data-state', 'absent');
    expect(await readFile(claudePath, 'utf8')).toBe(CLAUDE_BY_HAND);

    await agents.writeButton('claude-code').click();
    await expect(agents.status('claude-code')).toContainText(`Written to ${claudePath}`);
    await expect(agents.entry('claude-code')).toHaveAttribute('data-state', 'in-sync');
    await expect(agents.sync('claude-code')).toBeChecked();
    const claude = JSON.parse(await readFile(claudePath, 'utf8')) as Record<string, unknown>;
    expect(claude).toMatchObject({
      theme: 'dark',
      permissions: { allow: ['Bash(ls:*)'] },
      env: { ANTHROPIC_BASE_URL: litellm.url, ANTHROPIC_MODEL: 'gpt-4o' },
    });
    expect(String(claude['apiKeyHelper'])).toContain('switchboard key litellm');
    expect(await readFile(`${claudePath}.bak`, 'utf8')).toBe(CLAUDE_BY_HAND);

    // Codex: its provider table speaks the Responses API; the person's comment and profile stay.
    const codexDiff = agents.diff('codex');
    await expect(codexDiff).toContainText('wire_api = "responses"');
    await expect(codexDiff).toContainText('model = "gpt-4o"');
    await expect(codexDiff).not.toContainText(KEY);
    expect(await readFile(codexPath, 'utf8')).toBe(CODEX_BY_HAND);
    await agents.writeButton('codex').click();
    await expect(agents.status('codex')).toContainText(`Written to ${codexPath}`);
    const codex = await readFile(codexPath, 'utf8');
    expect(codex).toContain('# my own Codex notes: keep them');
    expect(codex).toContain('model_reasoning_effort = "high"');
    expect(codex).toContain('[profiles.work]\nmodel = "o3"');
    expect(codex).toContain('wire_api = "responses"');
    expect(codex).not.toContain(KEY);

    // The platform panel lists both as using LiteLLM's model.
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('tab', { name: 'Proxy Platforms' }).click();
    await expect(page.getByTestId('agents-using-claude-code')).toContainText('gpt-4o');
    await expect(page.getByTestId('agents-using-codex')).toContainText('gpt-4o');
  });

  test('on OpenRouter, Claude Code and Codex say why they are not offered instead of Write', async ({ switchboard }) => {
    const { settings, page } = switchboard;
    await settings.openPlatform('OpenRouter');
    await settings.openrouter.connect(null, 'sk-or-v1-test');
    await expect(settings.openrouter.status).toContainText('Connected');
    await settings.openrouter.saveModel('openai/gpt-4o');

    const agents = new AgentsPage(page);
    await agents.open();
    await expect(agents.refusal('claude-code')).toContainText('Anthropic Messages');
    await expect(agents.writeButton('claude-code')).toHaveCount(0);
    await expect(agents.refusal('codex')).toContainText('Responses API');
    await expect(agents.writeButton('codex')).toHaveCount(0);
    await expect(agents.writeButton('kilo')).toBeVisible();
  });
});
