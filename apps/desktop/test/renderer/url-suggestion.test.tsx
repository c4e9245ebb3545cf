// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByTestId, type } from './dom';

const app = appHarness();

/** What each Test Connection asked main, as the page sent it. */
const tested = () => app.main.streamsTo('connection:diagnose').map((call) => call.input);

async function openPanel() {
  await app.openPlatform('LiteLLM');
  return {
    url: getByTestId(document.body, 'litellm-url-input') as HTMLInputElement,
    test: getByTestId(document.body, 'litellm-test-button') as HTMLButtonElement,
    status: getByTestId(document.body, 'connection-status'),
  };
}

const offer = () => byTestId(document.body, 'url-suggestion');

// What people paste: LiteLLM's admin UI after login, its API docs, a Swagger deep link, a query string.
const PASTED = [
  ['http://proxy.local:4000/ui/?login=success', "This is LiteLLM's admin page. Use http://proxy.local:4000?", 'http://proxy.local:4000'],
  ['http://proxy.local:4000/docs', "This is LiteLLM's API documentation page. Use http://proxy.local:4000?", 'http://proxy.local:4000'],
  ['http://proxy.local:4000/#/model%20management', "This is LiteLLM's API documentation page. Use http://proxy.local:4000?", 'http://proxy.local:4000'],
  ['https://llm.example.com/litellm/v1?team=a', 'Remove the query string or #fragment from the URL; give only the base address.', 'https://llm.example.com/litellm'],
] as const;

describe('a URL copied from a LiteLLM page', () => {
  test.each(PASTED)('%s: the sentence, and a button that puts the base into the field', async (pasted, sentence, base) => {
    const panel = await openPanel();
    await type(panel.url, pasted);
    expect(panel.url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(panel.url.getAttribute('aria-describedby') ?? '')?.textContent).toBe(sentence);
    expect(panel.test.disabled).toBe(true);
    const button = offer();
    expect(button?.tagName).toBe('BUTTON');
    expect(button?.textContent).toBe(`Use ${base}`);
    // Announced when it appears: it sits in a polite live region with the sentence.
    expect(button?.closest('[role="status"]')?.textContent).toBe(`${sentence}Use ${base}`);

    await click(button);
    expect(panel.url.value).toBe(base);
    expect(panel.url.getAttribute('aria-invalid')).toBe('false');
    expect(offer()).toBeNull();
    expect(document.activeElement).toBe(panel.url);
    await click(panel.test);
    expect(tested()).toEqual([{ platform: 'litellm', url: base, key: { mode: 'none' } }]);
  });

  test('a URL that is wrong in another way gets no offer', async () => {
    const panel = await openPanel();
    await type(panel.url, 'ftp://proxy.local');
    expect(offer()).toBeNull();
    await type(panel.url, 'http://proxy.local:4000');
    expect(offer()).toBeNull();
  });
});

describe('a connection that fails with a suggested address', () => {
  // A proxy under a path whose base answers LiteLLM's admin page: the test servers have no such mount, so the hook gives core's answer.
  const adminPage = {
    kind: 'not-a-proxy' as const,
    message: "This is LiteLLM's admin page. Use http://proxy.local:4000?",
    suggestedUrl: 'http://proxy.local:4000',
  };

  test('offers it beside the reason; taking it fills the field and tests again at once', async () => {
    app.main.failDiagnosisWith(adminPage);
    const panel = await openPanel();
    await type(panel.url, 'http://proxy.local:4000/litellm');
    await click(panel.test);
    expect(panel.status.textContent).toBe(adminPage.message);
    const button = offer();
    expect(button?.textContent).toBe('Use http://proxy.local:4000 and test again');
    expect(button?.closest('[role="status"]')).not.toBeNull();

    app.main.restoreStream('connection:diagnose');
    await click(button);
    expect(panel.url.value).toBe('http://proxy.local:4000');
    expect(tested().at(-1)).toEqual({ platform: 'litellm', url: 'http://proxy.local:4000', key: { mode: 'none' } });
    expect(panel.status.textContent).toBe('Connected · 4 models · 35 ms');
    expect(offer()).toBeNull();
  });

  test('the offer goes away once the URL is edited by hand', async () => {
    app.main.failDiagnosisWith(adminPage);
    const panel = await openPanel();
    await type(panel.url, 'http://proxy.local:4000/litellm');
    await click(panel.test);
    expect(offer()).not.toBeNull();
    await type(panel.url, 'http://proxy.local:4001');
    expect(offer()).toBeNull();
  });

  test('an error without a suggested address offers nothing', async () => {
    // Nothing listens at the default address.
    const { 'http://localhost:4000': _stopped, ...others } = app.main.routes();
    await app.main.route(others);
    const panel = await openPanel();
    await click(panel.test);
    expect(panel.status.getAttribute('data-kind')).toBe('unreachable');
    expect(offer()).toBeNull();
  });
});
