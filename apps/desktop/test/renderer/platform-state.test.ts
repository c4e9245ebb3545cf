import { describe, expect, test } from 'vitest';
import type { PlatformConfigView } from '@switchboard/shared';
import { catalogOf, catalogsReducer, initialCatalogState } from '../../src/renderer/lib/catalog-state';
import { keyFieldFromView, keyHelpText, keyPlaceholder } from '../../src/renderer/lib/key-field';
import { limitPlaceholder, limitsFromDraft, parseTokenCount, typedLimitsText } from '../../src/renderer/lib/model-limits';
import { CUSTOM, instanceId, LITELLM, OPENROUTER, PLATFORMS } from '../../src/renderer/lib/platforms';
import { choiceLabel, currentChoice, initialSavedChoices, savedChoicesReducer, type SavedChoice, type SavedChoicesState } from '../../src/renderer/lib/saved-choices';
import { FOUR_MODELS, model } from './model-fixtures';

const view = (selectedModel: string | null, connected = true): PlatformConfigView => ({ url: 'http://x', connected, keyStored: false, keyHint: null, selectedModel, savedAt: null });
const litellm: SavedChoice = { instance: { platform: LITELLM, endpointId: null }, view: view('gpt-4o') };
const openrouter: SavedChoice = { instance: { platform: OPENROUTER, endpointId: null }, view: view('openai/gpt-4o') };
const box: SavedChoice = { instance: { platform: CUSTOM, endpointId: 'box' }, view: { ...view('llama'), name: 'Box' } };
/** The instance id of the choice the header shows. */
const currentId = (state: SavedChoicesState) => {
  const current = currentChoice(state);
  return current && instanceId(current.instance);
};

describe('platform descriptors', () => {
  test('each has its own test id prefix and channels; only OpenRouter has a fixed address and a required key', () => {
    expect(PLATFORMS.map((platform) => platform.testIdPrefix)).toEqual(['litellm', 'openrouter', 'custom']);
    expect(PLATFORMS.filter((platform) => platform.urlField === 'fixed').map((platform) => platform.id)).toEqual(['openrouter']);
    expect(PLATFORMS.filter((platform) => platform.keyRequired).map((platform) => platform.id)).toEqual(['openrouter']);
    expect(PLATFORMS.filter((platform) => platform.instances === 'named').map((platform) => platform.id)).toEqual(['custom']);
  });

  test('instance ids are what main calls them (keychain account, opencode channels)', () => {
    expect(instanceId(litellm.instance)).toBe('litellm');
    expect(instanceId(openrouter.instance)).toBe('openrouter');
    expect(instanceId(box.instance)).toBe('custom:box');
    // Not a valid endpoint id, so never confused with a saved one.
    expect(instanceId({ platform: CUSTOM, endpointId: null })).toBe('custom:(new)');
  });

  test('only a saved custom endpoint can take typed limits', () => {
    expect(CUSTOM.calls(null).setModelLimits).toBeNull();
    expect(CUSTOM.calls(null).fetchMetadataOf).toBeNull();
    expect(CUSTOM.calls('box').setModelLimits).not.toBeNull();
    expect(LITELLM.calls(null).setModelLimits).toBeNull();
  });
});

describe('the choice the header shows', () => {
  test('at launch: the first in use, in platform order', () => {
    const state = savedChoicesReducer(initialSavedChoices, { type: 'launch-read', choices: [{ ...litellm, view: view(null, false) }, openrouter, box] });
    expect(state.loaded).toBe(true);
    expect(currentChoice(state)?.instance.platform.id).toBe('openrouter');
  });

  test('a save makes its choice current; removing it falls back to another in use', () => {
    let state = savedChoicesReducer(initialSavedChoices, { type: 'launch-read', choices: [litellm, box] });
    expect(currentId(state)).toBe('litellm');
    state = savedChoicesReducer(state, { type: 'changed', change: { ...box, event: 'saved' } });
    expect(currentId(state)).toBe('custom:box');
    expect(choiceLabel(currentChoice(state)!)).toBe('Box');
    state = savedChoicesReducer(state, { type: 'changed', change: { ...box, view: view(null, false), event: 'disconnected' } });
    expect(currentId(state)).toBe('litellm');
    state = savedChoicesReducer(state, { type: 'changed', change: { ...litellm, view: view(null, false), event: 'disconnected' } });
    expect(currentChoice(state)).toBeNull();
  });

  test('what a panel said before the launch read came back wins over it', () => {
    let state = savedChoicesReducer(initialSavedChoices, { type: 'changed', change: { ...openrouter, event: 'saved' } });
    state = savedChoicesReducer(state, { type: 'launch-read', choices: [litellm, { ...openrouter, view: view(null, false) }] });
    expect(currentId(state)).toBe('openrouter');
    expect(currentChoice(state)?.view.selectedModel).toBe('openai/gpt-4o');
  });

  test('a platform is named by its display name, a custom endpoint by its own name', () => {
    expect(choiceLabel(litellm)).toBe('LiteLLM');
    expect(choiceLabel(openrouter)).toBe('OpenRouter');
    expect(choiceLabel(box)).toBe('Box');
  });
});

describe('one catalog per instance', () => {
  test('lists are kept apart, and a new endpoint\'s list moves with it when it is saved', () => {
    const listed = (instanceId: string) => ({ type: 'instance' as const, instanceId, action: { type: 'ids-loaded' as const, url: 'http://x', models: FOUR_MODELS, fetchedAt: 1, listing: 1, complete: true } });
    let states = catalogsReducer({}, listed('custom:(new)'));
    states = catalogsReducer(states, listed('litellm'));
    expect(catalogOf(states, 'custom:(new)').enriching).toBe(false);
    expect(catalogOf(states, 'openrouter')).toBe(initialCatalogState);
    states = catalogsReducer(states, { type: 'moved', from: 'custom:(new)', to: 'custom:box' });
    expect(catalogOf(states, 'custom:box').models).toBe(FOUR_MODELS);
    expect(catalogOf(states, 'custom:(new)')).toBe(initialCatalogState);
    expect(catalogOf(states, 'litellm').models).toBe(FOUR_MODELS);
  });
});

describe('typed model limits', () => {
  test('whole numbers, with or without separators; empty is unknown', () => {
    expect(parseTokenCount(' 32,768 ', 'Context window')).toEqual({ ok: true, value: 32768 });
    expect(parseTokenCount('131 072', 'Context window')).toEqual({ ok: true, value: 131072 });
    expect(parseTokenCount('', 'Context window')).toEqual({ ok: true, value: null });
    expect(parseTokenCount('32k', 'Context window')).toEqual({ ok: false, message: 'Context window: type a whole number of tokens, such as 32768.' });
    expect(parseTokenCount('0', 'Output limit')).toEqual({ ok: false, message: 'Output limit: use a number between 1 and 100,000,000.' });
    expect(limitsFromDraft({ context: '8192', output: '' })).toEqual({ ok: true, limits: { contextLength: 8192, maxOutputTokens: null } });
  });

  test('placeholders say what the server says; the sentence says what the user typed', () => {
    expect(limitPlaceholder(model('a', { contextLength: 4096, sources: { contextLength: 'proxy' } }), 'contextLength')).toBe('4,096 (from the server)');
    expect(limitPlaceholder(model('a'), 'maxOutputTokens')).toBe('Unknown');
    expect(typedLimitsText({ contextLength: null, maxOutputTokens: 2048 })).toBe('You entered an output limit of 2,048 tokens.');
    expect(typedLimitsText(undefined)).toBeNull();
  });
});

describe('a required key', () => {
  test('asks for a key instead of saying none will be sent; the placeholder is the platform\'s', () => {
    const none = keyFieldFromView({ keyStored: false, keyHint: null });
    expect(keyHelpText(none, true)).toBe('A key is required: enter one to test the connection.');
    expect(keyHelpText(none)).toBe('No key will be sent.');
    expect(keyPlaceholder(none, 'sk-or-v1-…')).toBe('sk-or-v1-…');
  });
});
