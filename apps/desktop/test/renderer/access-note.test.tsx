// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByTestId } from './dom';

const app = appHarness();
const NOTE = 'This key belongs to a team: /v1/models answered only "all-team-models", so the list comes from /model_group/info and shows what the team may use.';
const note = () => byTestId(document.body, 'model-list-note');

describe("a team key's listing", () => {
  test('a test that carries an access note says it beside the list, until a listing without one', async () => {
    app.fake.accessNote = NOTE;
    await app.openPlatform('LiteLLM');
    const test = getByTestId(document.body, 'litellm-test-button');
    await click(test);
    expect(note()?.textContent).toBe(NOTE);
    expect(getByTestId(document.body, 'litellm-catalog').contains(note())).toBe(true);

    app.fake.accessNote = null;
    await click(test);
    expect(getByTestId(document.body, 'litellm-model-select').querySelectorAll('[role="option"]')).toHaveLength(4);
    expect(note()).toBeNull();
  });

  test("the saved proxy's refresh carries it too", async () => {
    app.fake.saved = { url: 'http://proxy.internal:4000', selectedModel: 'gpt-4o' };
    app.fake.accessNote = NOTE;
    await app.openPlatform('LiteLLM');
    expect(note()?.textContent).toBe(NOTE);
    app.fake.accessNote = null;
    await click(getByTestId(document.body, 'litellm-refresh-button'));
    expect(note()).toBeNull();
  });

  test('a team that sees no models: the note says why the list is empty', async () => {
    app.fake.accessNote = NOTE;
    app.fake.models = [];
    await app.openPlatform('LiteLLM');
    await click(getByTestId(document.body, 'litellm-test-button'));
    expect(note()?.textContent).toBe(NOTE);
    expect(document.body.textContent).toContain('lists no models');
  });
});
