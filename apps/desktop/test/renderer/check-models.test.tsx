// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { byTestId, click, getByRole } from './dom';
import { byId, PROXY, restartableApp, until } from './playground-helpers';

const app = restartableApp();

/** Settings > Proxy Platforms > LiteLLM, as a person would. */
async function openLiteLLM() {
  await app.start();
  await click(byId('sidebar-settings-button'));
  await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
  const button = getByRole(document.body, 'button', 'LiteLLM');
  if (button.getAttribute('aria-pressed') !== 'true') await click(button);
}

afterEach(() => {
  app.servers.litellm.update({ hangModels: undefined });
});

/** LiteLLM saved with gpt-4o in use, its panel open in Settings. */
async function openSavedPanel() {
  await app.main.save('litellm', { url: PROXY, selectedModel: 'gpt-4o', savedAt: 1 });
  await openLiteLLM();
  await until(() => byTestId(document.body, 'check-models-button') !== null, 'Check models');
}

/** The chat completions the proxy answered since `from` (the server lives for the whole file). */
const chatsSince = (from: number) => app.servers.litellm.chatEndings.slice(from).map((ending) => ending.model);

const row = (modelId: string) => document.querySelector<HTMLElement>(`[data-testid="model-health"][data-model-id="${modelId}"]`);
const flag = (modelId: string) => byId('litellm-model-select').querySelector(`[data-model-id="${modelId}"] [data-badge="check-failed"]`);

describe('Check models', () => {
  test('asks before it spends tokens; a cancelled confirm sends nothing', async () => {
    await openSavedPanel();
    const before = app.servers.litellm.chatEndings.length;
    expect(byId('check-models-button').textContent).toBe('Check 4 models…');
    await click(byId('check-models-button'));
    expect(byId('check-models-confirm-step').textContent).toContain('4 models and spends tokens');
    await click(byId('check-models-cancel'));
    expect(byTestId(document.body, 'check-models-confirm-step')).toBeNull();
    expect(chatsSince(before)).toEqual([]);
  });

  test('each model answers ok with its latency, or fails with its sentence; a failure is flagged in the picker', async () => {
    await openSavedPanel();
    await click(byId('check-models-button'));
    await click(byId('check-models-confirm'));
    await until(() => byId('check-models-progress').dataset.state === 'done', 'the check');
    expect(byId('check-models-progress').textContent).toBe('Checked 4 of 4 · 1 failed');
    for (const ok of ['gpt-4o', 'claude-3-5-sonnet', 'fake-up']) {
      expect(row(ok)?.dataset.state).toBe('ok');
      expect(row(ok)?.querySelector('[data-testid="model-health-latency"]')?.textContent).toMatch(/^\d+(\.\d)? (ms|s)$/);
    }
    expect(row('local-llama')?.dataset.state).toBe('error');
    expect(row('local-llama')?.querySelector('[data-testid="model-health-message"]')?.textContent).toMatch(/local-llama/);
    expect(flag('local-llama')?.textContent).toBe('check failed');
    expect(flag('gpt-4o')).toBeNull();
  });

  test('only the chosen models are checked', async () => {
    await openSavedPanel();
    const before = app.servers.litellm.chatEndings.length;
    await click(byId('check-models-some'));
    await click(document.querySelector('[data-testid="check-models-option"][data-model-id="fake-up"]'));
    expect(byId('check-models-button').textContent).toBe('Check 1 model…');
    await click(byId('check-models-button'));
    await click(byId('check-models-confirm'));
    await until(() => byId('check-models-progress').dataset.state === 'done', 'the check');
    expect(chatsSince(before)).toEqual(['fake-up']);
    expect(document.querySelectorAll('[data-testid="model-health"]')).toHaveLength(1);
  });

  test('Stop ends the check and closes what was still asked', async () => {
    app.servers.litellm.update({ hangModels: ['fake-up'] });
    await openSavedPanel();
    const abortedBefore = app.servers.litellm.abortedStreams;
    await click(byId('check-models-button'));
    await click(byId('check-models-confirm'));
    await until(() => row('gpt-4o')?.dataset.state === 'ok', 'the first results');
    expect(row('fake-up')?.dataset.state).toBe('waiting');
    await click(byId('check-models-stop'));
    expect(byId('check-models-progress').dataset.state).toBe('stopped');
    await until(() => app.servers.litellm.abortedStreams > abortedBefore, 'the hanging request to be closed');
  });

  test('the results are kept with their time: after a restart they are listed, and the failure still flagged', async () => {
    await openSavedPanel();
    await click(byId('check-models-button'));
    await click(byId('check-models-confirm'));
    await until(() => byId('check-models-progress').dataset.state === 'done', 'the check');
    await app.restart();
    await openLiteLLM();
    await until(() => row('local-llama') !== null, 'the kept results');
    expect(row('local-llama')?.dataset.state).toBe('error');
    expect(row('gpt-4o')?.querySelector('time')?.textContent).toBe('just now');
    expect(byId('check-models-progress').dataset.state).toBe('idle');
    await until(() => flag('local-llama') !== null, 'the flag');
  });
});
