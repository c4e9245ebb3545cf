// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByRole, getByTestId, settle, type } from './dom';
import { FOUR_MODELS } from './model-fixtures';

const app = appHarness();
const status = () => getByTestId(document.body, 'header-status');
const PROXY = 'http://proxy.internal:4000';
// core's sentence when nothing listens at the saved proxy.
const DOWN = { kind: 'unreachable' as const, message: `Nothing is listening at ${PROXY}. Check that the proxy is running and that the port is right.` };
/** The saved proxy stops answering: nothing listens at its address any more. */
async function proxyDown() {
  const { [PROXY]: _stopped, ...others } = app.main.routes();
  await app.main.route(others);
}

describe("the header's status", () => {
  test('none: nothing chosen, nothing to focus', async () => {
    await app.start();
    expect(status().dataset.state).toBe('none');
    expect(status().hasAttribute('tabindex')).toBe(false);
    expect(getByTestId(document.body, 'current-model').textContent).toBe('No model chosen');
  });

  test("ok: chosen, and the launch check's refresh of its proxy worked", async () => {
    await app.main.save('litellm', { url: PROXY, selectedModel: 'gpt-4o' });
    await app.start();
    expect(app.main.callsTo('litellm:fetch-models')).toHaveLength(1);
    expect(status().dataset.state).toBe('ok');
    expect(status().hasAttribute('tabindex')).toBe(false);
    expect(status().querySelector('.status-dot-on')).not.toBeNull();
    expect(getByTestId(document.body, 'current-model').textContent).toBe('LiteLLM · gpt-4o');
  });

  test.each([
    ['with a cached list', true],
    ['with no list at all', false],
  ])('stale %s: the refresh failed, and the reason is its focusable description', async (_, hasCache) => {
    await app.main.save('litellm', { url: PROXY, selectedModel: 'gpt-4o' });
    if (hasCache) await app.main.cache('litellm', { url: PROXY, models: FOUR_MODELS, fetchedAt: 1_700_000_000_000 });
    await proxyDown();
    await app.start();
    expect(status().dataset.state).toBe('stale');
    // Reachable by Tab, and a screen reader hears the reason on focus.
    expect(status().getAttribute('tabindex')).toBe('0');
    const reason = document.getElementById(status().getAttribute('aria-describedby') ?? '');
    expect(reason?.getAttribute('role')).toBe('tooltip');
    expect(reason?.textContent).toBe(`Could not refresh the list: ${DOWN.message}`);
    expect(status().querySelector('.status-dot-on')).toBeNull();
    // The model in use is still named as before.
    expect(getByTestId(document.body, 'current-model').textContent).toBe('LiteLLM · gpt-4o');
  });

  test('stale turns ok again once a refresh works', async () => {
    await app.main.save('litellm', { url: PROXY, selectedModel: 'gpt-4o' });
    await app.main.cache('litellm', { url: PROXY, models: FOUR_MODELS, fetchedAt: 1_700_000_000_000 });
    await proxyDown();
    await app.start();
    expect(status().dataset.state).toBe('stale');
    await app.main.route(app.servers.routes());
    await app.openPlatform('LiteLLM');
    await click(getByTestId(document.body, 'litellm-refresh-button'));
    await settle();
    expect(status().dataset.state).toBe('ok');
    expect(byTestId(document.body, 'header-status-reason')).toBeNull();
  });

  test('a failed test of another address does not make the saved choice stale', async () => {
    await app.main.save('litellm', { url: PROXY, selectedModel: 'gpt-4o' });
    await app.openPlatform('LiteLLM');
    // Nothing listens at http://elsewhere:4000.
    const url = getByTestId(document.body, 'litellm-url-input') as HTMLInputElement;
    await type(url, 'http://elsewhere:4000');
    await click(getByRole(document.body, 'button', 'Test Connection'));
    expect(status().dataset.state).toBe('ok');
  });
});
