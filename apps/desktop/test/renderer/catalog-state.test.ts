import { describe, expect, test } from 'vitest';
import { catalogReducer, initialCatalogState, isStale, lastFailure, type CatalogAction, type CatalogState } from '../../src/renderer/lib/catalog-state';
import { availabilityOf, savedModelAvailability } from '../../src/renderer/lib/current-model';
import { FOUR_MODELS, model } from './model-fixtures';

const URL = 'http://proxy.internal:4000';
const run = (...actions: CatalogAction[]): CatalogState => actions.reduce(catalogReducer, initialCatalogState);
const cached = (fetchedAt: number, stale: boolean): CatalogAction => ({ type: 'cache-loaded', url: URL, models: FOUR_MODELS, fetchedAt, stale });
const ids = (fetchedAt: number, listing: number): CatalogAction => ({ type: 'ids-loaded', url: URL, models: FOUR_MODELS, fetchedAt, listing });
const unreachable = { kind: 'unreachable' as const, message: 'Nothing is listening at http://proxy.internal:4000.' };

describe('the catalog', () => {
  test('a cached list shows at once; an expired one is stale until a fetch succeeds', () => {
    const state = run(cached(1_000, true));
    expect(state.models).toBe(FOUR_MODELS);
    // "Last fetched" says the cache's own time, and nothing is said to be on its way.
    expect(state.fetchedAt).toBe(1_000);
    expect(state.fetching).toBeNull();
    expect(isStale(state)).toBe(true);
    const fresh = catalogReducer(catalogReducer(state, { type: 'fetch-started', url: URL, reason: 'background' }), ids(9_000, 1));
    expect(isStale(fresh)).toBe(false);
    expect(fresh.fetchedAt).toBe(9_000);
    expect(fresh.enriching).toBe(true);
  });

  test('a failed fetch keeps the list, with the error, and nothing is deleted', () => {
    const state = run(cached(1_000, false), { type: 'fetch-started', url: URL, reason: 'manual' }, { type: 'fetch-failed', url: URL, error: unreachable });
    expect(state.models).toBe(FOUR_MODELS);
    expect(state.fetchedAt).toBe(1_000);
    expect(state.error).toEqual(unreachable);
    expect(state.fetching).toBeNull();
    expect(isStale(state)).toBe(true);
  });

  test('a failed test of another proxy does not show the saved proxy list as its own', () => {
    const state = run(cached(1_000, false), { type: 'fetch-failed', url: 'http://other:4000', error: unreachable });
    expect(state.models).toBeNull();
    expect(lastFailure(state, URL)).toBeNull();
  });

  test('a failed first fetch, with no list to keep, is still remembered as the last word of that proxy', () => {
    const state = run({ type: 'fetch-started', url: URL, reason: 'background' }, { type: 'fetch-failed', url: URL, error: unreachable });
    expect(state.models).toBeNull();
    expect(lastFailure(state, URL)).toEqual(unreachable);
    expect(lastFailure(catalogReducer(state, ids(2_000, 1)), URL)).toBeNull();
  });

  test("a listing's access note stays until a listing without one, and over its cached copy", () => {
    const note = 'This key belongs to a team: it lists only the models its team may use.';
    const noted = run({ type: 'ids-loaded', url: URL, models: FOUR_MODELS, fetchedAt: 1, listing: 1, accessNote: note });
    expect(noted.accessNote).toBe(note);
    expect(catalogReducer(noted, { type: 'metadata-loaded', listing: 1, models: FOUR_MODELS, fetchedAt: 1 }).accessNote).toBe(note);
    expect(catalogReducer(noted, { type: 'fetch-failed', url: URL, error: unreachable }).accessNote).toBe(note);
    expect(catalogReducer(noted, ids(2, 2)).accessNote).toBeNull();
    expect(catalogReducer(noted, { type: 'cleared' }).accessNote).toBeNull();
    expect(catalogReducer(noted, { type: 'cache-loaded', url: 'http://other:4000', models: FOUR_MODELS, fetchedAt: 5, stale: false }).accessNote).toBeNull();
  });

  test('a cached list brings back the note it was listed with', () => {
    const note = "This key's access decides what is listed.";
    const state = run({ type: 'cache-loaded', url: URL, models: FOUR_MODELS, fetchedAt: 1, stale: false, accessNote: note });
    expect(state.accessNote).toBe(note);
  });

  test('metadata replaces the ids of its own listing only', () => {
    const enriched = FOUR_MODELS.map((m) => ({ ...m, provider: 'openai' }));
    const late = run(ids(1, 1), ids(2, 2), { type: 'metadata-loaded', listing: 1, models: enriched, fetchedAt: 1 });
    expect(late.models).toBe(FOUR_MODELS);
    expect(late.enriching).toBe(true);
    const own = catalogReducer(late, { type: 'metadata-loaded', listing: 2, models: enriched, fetchedAt: 2 });
    expect(own.models).toEqual(enriched);
    expect(own.enriching).toBe(false);
  });

  test('an older cached copy never replaces a list fetched since', () => {
    const state = run(ids(5_000, 1), cached(1_000, true));
    // The details of the fetched list are still on their way, as before the cache answered.
    expect(state.enriching).toBe(true);
    expect(state.fetchedAt).toBe(5_000);
    expect(isStale(state)).toBe(false);
  });
});

describe('the current model', () => {
  const config = { url: URL, connected: true, keyStored: false, keyHint: null, selectedModel: 'gpt-4o' };
  test('is missing only when the saved proxy latest list lacks it', () => {
    expect(savedModelAvailability(config, run(cached(1, false)))).toBe('offered');
    const without = run({ type: 'cache-loaded', url: URL, models: [model('other')], fetchedAt: 1, stale: false });
    expect(savedModelAvailability(config, without)).toBe('missing');
    expect(savedModelAvailability({ ...config, url: 'http://elsewhere' }, without)).toBe('unknown');
    expect(savedModelAvailability(config, initialCatalogState)).toBe('unknown');
    expect(savedModelAvailability({ ...config, connected: false }, without)).toBe('unknown');
    expect(availabilityOf(null, FOUR_MODELS)).toBe('unknown');
  });
});
