// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByTestId, type } from './dom';

const app = appHarness();
// A team key: the proxy's /v1/models names only the sentinel, so core lists what /model_group/info names for it.
const TEAM_KEY = 'sk-team-key-1234';
const NOTE = 'This key\'s access decides what is listed: the proxy\'s model list names only "all-team-models", so these models come from /model_group/info.';
const NO_MODELS_NOTE =
  'This key sees no models: the proxy\'s model list names only "all-team-models", and /model_group/info, /v1/model/info and /v2/model/info list none for it. Ask the proxy\'s admin to give the key (or its team) access to models.';
const note = () => byTestId(document.body, 'model-list-note');
const teamKey = (models?: string[]) => app.servers.litellm.update({ teamKeys: { [TEAM_KEY]: { sentinels: ['all-team-models'], ...(models ? { models } : {}) } } });
// The same key, now seeing the whole proxy (its team's sentinels are gone).
const wholeProxy = () => app.servers.litellm.update({ teamKeys: undefined });

describe("a team key's listing", () => {
  test('a test that carries an access note says it beside the list, until a listing without one', async () => {
    teamKey();
    await app.openPlatform('LiteLLM');
    await type(getByTestId(document.body, 'litellm-api-key-input'), TEAM_KEY);
    const test = getByTestId(document.body, 'litellm-test-button');
    await click(test);
    expect(note()?.textContent).toBe(NOTE);
    expect(getByTestId(document.body, 'litellm-catalog').contains(note())).toBe(true);

    wholeProxy();
    await click(test);
    expect(getByTestId(document.body, 'litellm-model-select').querySelectorAll('[role="option"]')).toHaveLength(4);
    expect(note()).toBeNull();
  });

  test("the saved proxy's refresh carries it too", async () => {
    await app.main.save('litellm', { url: 'http://proxy.internal:4000', selectedModel: 'gpt-4o' });
    await app.main.storeKey('litellm', TEAM_KEY);
    teamKey();
    await app.openPlatform('LiteLLM');
    expect(note()?.textContent).toBe(NOTE);
    wholeProxy();
    await click(getByTestId(document.body, 'litellm-refresh-button'));
    expect(note()).toBeNull();
  });

  test('a team that sees no models: the note says why the list is empty', async () => {
    teamKey([]);
    await app.openPlatform('LiteLLM');
    await type(getByTestId(document.body, 'litellm-api-key-input'), TEAM_KEY);
    await click(getByTestId(document.body, 'litellm-test-button'));
    expect(note()?.textContent).toBe(NO_MODELS_NOTE);
    expect(document.body.textContent).toContain('lists no models');
  });
});
