// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App } from '../../src/renderer/App';
import { byTestId, click, fakeLayout, getByRole, getByTestId, mount, settle, type Mounted } from './dom';
import { defaultDeployments } from '../../../../packages/test-servers/src/litellm/default-deployments.js';
import { mainHarness } from './main-process/main-harness';
import { FOUR_MODELS } from './model-fixtures';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const clock = () => NOW;
const URL = 'http://proxy.internal:4000';

const { main, servers } = mainHarness({ now: NOW });
let view: Mounted | null = null;
let restoreLayout: () => void;

beforeEach(() => {
  restoreLayout = fakeLayout();
});

/** The proxy saved and its model chosen, as a user left it. */
const saved = () => main.save('litellm', { url: URL, selectedModel: 'gpt-4o' });
/** Nothing listens at the saved proxy's address any more. */
async function proxyDown() {
  const { [URL]: _stopped, ...others } = main.routes();
  await main.route(others);
}
/** The proxy's deployments: the recording's four, with `change` applied. */
const deployments = (change: (list: ReturnType<typeof defaultDeployments>) => ReturnType<typeof defaultDeployments>) =>
  servers.litellm.update({ deployments: change(defaultDeployments()) });
afterEach(async () => {
  await view?.unmount();
  view = null;
  restoreLayout();
});

async function openSettings() {
  await click(getByTestId(document.body, 'sidebar-settings-button'));
  await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
}
const options = () => [...document.querySelectorAll('[role="option"]')].map((option) => option.getAttribute('data-model-id'));
const text = (id: string) => byTestId(document.body, id)?.textContent ?? null;
/** Every id the page asked the metadata of (the rows on screen, then the rest in pages), sorted: each once. */
/** Every model whose metadata was asked for, once each: the rows shown are asked first, then again with the rest. */
const askedIds = () => [...new Set(main.callsTo('litellm:fetch-metadata-of').flatMap((input) => (input as { ids: string[] }).ids))].sort();

describe('the model catalog in Settings', () => {
  test('shows the cached list at once, with how old it is, while the launch check runs behind it', async () => {
    await saved();
    await main.cache('litellm', { url: URL, models: FOUR_MODELS.slice(0, 2), fetchedAt: NOW - 12 * 60_000 });
    const release = main.hold('litellm:fetch-models');
    view = await mount(<App clock={clock} />);
    await openSettings();
    expect(options()).toEqual(['claude-3-5-sonnet', 'gpt-4o']);
    const fetched = getByTestId(document.body, 'litellm-last-fetched');
    expect(fetched.textContent).toBe('Last fetched 12 min ago');
    expect(fetched.title).toMatch(/^Fetched 22 Nov 2026, \d\d:48:00$/);
    expect(getByTestId(document.body, 'litellm-refresh-button').textContent).toBe('Refreshing…');
    expect(byTestId(document.body, 'litellm-stale-notice')).toBeNull();

    release();
    await settle();
    expect(options()).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    expect(text('litellm-last-fetched')).toBe('Last fetched just now');
    expect(main.callsTo('litellm:fetch-models')).toHaveLength(1);
    expect(askedIds()).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
  });

  test('a fresh cache is not fetched again when Settings opens', async () => {
    await saved();
    await main.cache('litellm', { url: URL, models: FOUR_MODELS, fetchedAt: NOW - 60_000 });
    view = await mount(<App clock={clock} />);
    await openSettings();
    await settle();
    // Once, by the launch check; opening Settings adds nothing.
    expect(main.callsTo('litellm:fetch-models')).toHaveLength(1);
    expect(main.callsTo('litellm:get-cached-models')).toHaveLength(2);
  });

  test('when the proxy cannot be reached, the last list stays usable and says it is out of date, and why', async () => {
    await saved();
    await main.cache('litellm', { url: URL, models: FOUR_MODELS, fetchedAt: NOW - 3 * 3_600_000 });
    await proxyDown();
    view = await mount(<App clock={clock} />);
    await openSettings();
    await settle();
    const notice = getByTestId(document.body, 'litellm-stale-notice');
    expect(notice.textContent).toContain('Out of date — showing the list fetched 3 h ago. It can still be used.');
    expect(notice.textContent).toContain('Nothing is listening at http://proxy.internal:4000.');
    expect(notice.getAttribute('data-kind')).toBe('unreachable');
    expect(options()).toHaveLength(4);
    expect(getByTestId(document.body, 'litellm-catalog').getAttribute('data-stale')).toBe('true');
    // The sentence is said once, next to the list, not again in the connection status.
    expect(text('connection-status')).toBe('');
    await click(document.querySelector('[data-model-id="claude-3-5-sonnet"]'));
    expect((getByTestId(document.body, 'litellm-save-button') as HTMLButtonElement).disabled).toBe(false);
  });

  test('Refresh asks for ids, then the metadata of the rows shown, then the rest; the list and its age follow', async () => {
    await saved();
    await main.cache('litellm', { url: URL, models: FOUR_MODELS.slice(0, 1), fetchedAt: NOW - 60_000 });
    await proxyDown();
    view = await mount(<App clock={clock} />);
    await openSettings();
    await settle();
    expect(byTestId(document.body, 'litellm-stale-notice')).not.toBeNull();

    await main.route(servers.routes());
    deployments((list) => [...list, { model_name: 'new-model', litellm_params: { model: 'openai/new-model' }, model_info: { max_input_tokens: 32_000 } }]);
    await click(getByTestId(document.body, 'litellm-refresh-button'));
    await settle();
    expect(byTestId(document.body, 'litellm-stale-notice')).toBeNull();
    expect(options()).toContain('new-model');
    expect(document.querySelector('[data-model-id="new-model"] [data-fact="context"]')?.textContent).toBe('32K ctx');
    expect(text('litellm-last-fetched')).toBe('Last fetched just now');
    const channels = main.calls.map((call) => call.channel).filter((channel) => channel.includes('fetch-'));
    expect(channels.slice(channels.lastIndexOf('litellm:fetch-models'))[1]).toBe('litellm:fetch-metadata-of');
    expect(channels).not.toContain('litellm:fetch-metadata');
    expect(askedIds()).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama', 'new-model']);
    expect(text('connection-status')).toBe('Connected · 5 models');
  });

  test('after a test, the ids show first; the metadata merges in and the selection stays', async () => {
    // What the proxy says of local-llama: it is served by Ollama.
    deployments((list) => list.map((entry) => (entry.model_name === 'local-llama' ? { ...entry, litellm_params: { ...entry.litellm_params, model: 'ollama/llama-3-8b' } } : entry)));
    const release = main.hold('litellm:fetch-metadata-of');
    view = await mount(<App clock={clock} />);
    await openSettings();
    await click(getByRole(document.body, 'button', 'LiteLLM'));
    await click(getByTestId(document.body, 'litellm-test-button'));
    expect(byTestId(document.body, 'litellm-metadata-loading')).not.toBeNull();
    await click(document.querySelector('[data-model-id="local-llama"]'));
    expect([...document.querySelectorAll('.model-group')].map((group) => group.getAttribute('data-group'))).toContain('Other');

    release();
    await settle();
    expect(byTestId(document.body, 'litellm-metadata-loading')).toBeNull();
    expect([...document.querySelectorAll('.model-group')].map((group) => group.getAttribute('data-group'))).toEqual(['Anthropic', 'Ollama', 'OpenAI']);
    expect(document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-model-id')).toBe('local-llama');
    expect(text('litellm-selected-model')).toBe('Selected: local-llama');
  });
});

describe('the metadata of the rows on screen', () => {
  test('is asked first, for the rows in view; then every model in pages, so the rows shown get what only the whole answer says', async () => {
    view = await mount(<App clock={clock} />);
    await openSettings();
    await click(getByRole(document.body, 'button', 'LiteLLM'));
    await click(getByTestId(document.body, 'litellm-test-button'));
    await settle();
    const [first] = main.callsTo('litellm:fetch-metadata-of') as Array<{ ids: string[] }>;
    expect([...(first?.ids ?? [])].sort()).toEqual([...(options() as string[])].sort());
    const [, rest] = main.callsTo('litellm:fetch-metadata-of') as Array<{ ids: string[] }>;
    expect([...(rest?.ids ?? [])].sort()).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    // The description is a deployment's (/model/info): the quick answer for the rows shown does not have it.
    expect(document.querySelector('[data-model-id="claude-3-5-sonnet"] [data-testid="model-row-description"]')?.textContent).toBe('my sonnet');
    expect(main.callsTo('litellm:fetch-metadata')).toEqual([]);
    expect(byTestId(document.body, 'litellm-metadata-loading')).toBeNull();
    expect(document.querySelector('[data-model-id="gpt-4o"] [data-fact="context"]')?.textContent).toBe('128K ctx');
  });

  test('the list says details are loading until the metadata comes, then shows it', async () => {
    const release = main.hold('litellm:fetch-metadata-of');
    view = await mount(<App clock={clock} />);
    await openSettings();
    await click(getByRole(document.body, 'button', 'LiteLLM'));
    await click(getByTestId(document.body, 'litellm-test-button'));
    expect(byTestId(document.body, 'litellm-metadata-loading')).not.toBeNull();
    expect(document.querySelector('[data-model-id="gpt-4o"] [data-fact="context"]')?.getAttribute('data-known')).toBe('false');
    release();
    await settle();
    expect(document.querySelector('[data-model-id="gpt-4o"] [data-fact="context"]')?.textContent).toBe('128K ctx');
  });

  test('when the proxy cannot say, the rows keep their ids and the list stops waiting', async () => {
    main.failWith('litellm:fetch-metadata-of', { kind: 'server-error', message: 'The proxy answered 500.' });
    view = await mount(<App clock={clock} />);
    await openSettings();
    await click(getByRole(document.body, 'button', 'LiteLLM'));
    await click(getByTestId(document.body, 'litellm-test-button'));
    await settle();
    expect(byTestId(document.body, 'litellm-metadata-loading')).toBeNull();
    expect(options()).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    expect(document.querySelector('[data-model-id="gpt-4o"] [data-fact="context"]')?.getAttribute('data-known')).toBe('false');
  });
});

describe('the current model', () => {
  test('is in the header; when the proxy no longer lists it, the header and the panel say so', async () => {
    await saved();
    deployments((list) => list.filter((entry) => entry.model_name !== 'gpt-4o'));
    view = await mount(<App clock={clock} />);
    await settle();
    expect(text('current-model')).toBe('LiteLLM · gpt-4o');
    expect(text('current-model-missing')).toBe('gpt-4o is no longer offered by the proxy. Choose another in Settings.');
    await openSettings();
    await settle();
    expect(text('litellm-selected-missing')).toBe('gpt-4o is no longer offered by the proxy. Choose another model.');
    expect((getByTestId(document.body, 'litellm-save-button') as HTMLButtonElement).disabled).toBe(true);
    await click(document.querySelector('[data-model-id="fake-up"]'));
    expect(byTestId(document.body, 'litellm-selected-missing')).toBeNull();
    expect((getByTestId(document.body, 'litellm-save-button') as HTMLButtonElement).disabled).toBe(false);
  });

  test('no warning while the proxy still offers it', async () => {
    await saved();
    view = await mount(<App clock={clock} />);
    await settle();
    expect(text('current-model')).toBe('LiteLLM · gpt-4o');
    expect(byTestId(document.body, 'current-model-missing')).toBeNull();
  });
});
