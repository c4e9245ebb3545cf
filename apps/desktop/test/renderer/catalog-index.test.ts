import { describe, expect, test } from 'vitest';
import type { Model } from '@switchboard/shared';
import { buildCatalogIndex, withModels, type CatalogIndex } from '../../src/renderer/lib/catalog-index';
import { manyModels, model } from './model-fixtures';

const ids = (index: CatalogIndex) => index.models.map((entry) => entry.id);
const counts = (index: CatalogIndex) => index.groups.map((label, group) => `${label}:${[...index.group].filter((g) => g === group).length}`);

describe('an index shown before it is finished', () => {
  // Reversed, so that the proxy's order and name order disagree everywhere.
  const input = manyModels(2_000).reverse();
  const full = buildCatalogIndex(input);

  test('puts the groups holding the first models in their final order, and keeps the rest in the proxy order', () => {
    const first = buildCatalogIndex(input, { sortFirst: 50 });
    // manyModels spreads the models evenly over five groups: "Anthropic" (400 models) alone holds the first 50.
    expect(first.groups).toEqual(full.groups);
    expect(counts(first)).toEqual(counts(full));
    expect(ids(first).slice(0, 400)).toEqual(ids(full).slice(0, 400));
    expect(ids(first).slice(400, 403)).toEqual(['google/model-01998', 'google/model-01993', 'google/model-01988']);
    expect(ids(full).slice(400, 403)).toEqual(['google/model-00003', 'google/model-00008', 'google/model-00013']);
  });

  test("also sorts the group of the model the list opens on, so the rows around it never move", () => {
    const first = buildCatalogIndex(input, { sortFirst: 50, sortGroupOf: 'openai/model-01000' });
    const openai = (index: CatalogIndex) => ids(index).filter((id) => id.startsWith('openai/'));
    expect(openai(first)).toEqual(openai(full));
    expect(ids(first).slice(400, 401)).toEqual(['google/model-01998']);
    expect(first.finish).not.toBeNull();
  });

  test('finishing gives the same index as building it whole, search text included', () => {
    const first = buildCatalogIndex(input, { sortFirst: 50 });
    const finished = first.finish?.();
    expect(finished).toBeDefined();
    expect(ids(finished as CatalogIndex)).toEqual(ids(full));
    expect([...(finished as CatalogIndex).group]).toEqual([...full.group]);
    expect((finished as CatalogIndex).searchText().haystack).toEqual(full.searchText().haystack);
    expect((finished as CatalogIndex).finish).toBeNull();
    // The first index is left as it was shown.
    expect(ids(first).slice(400, 401)).toEqual(['google/model-01998']);
  });

  test('a list whose first models cover every group is finished at once', () => {
    expect(full.finish).toBeNull();
    expect(buildCatalogIndex([model('b/two'), model('b/three'), model('a/one')], { sortFirst: 1 }).finish).not.toBeNull();
    expect(buildCatalogIndex([model('a/two'), model('a/one')], { sortFirst: 1 }).finish).toBeNull();
    expect(buildCatalogIndex(input, { sortFirst: 2_000 }).finish).toBeNull();
  });
});

describe('what the index holds', () => {
  // What a list keeps (no wildcard route, no sentinel, each id once) is decided once, where core lists the
  // models (the platform conformance suite and the OpenRouter mapper's tests); the index shows them all.
  test('every model it is given, each found by its id', () => {
    const index = buildCatalogIndex([model('b/two'), model('a/one'), model('local')]);
    expect(ids(index)).toEqual(['a/one', 'b/two', 'local']);
    expect(index.positionOf('local')).toBe(2);
    expect(index.positionOf('all-team-models')).toBe(-1);
  });
});

describe('metadata for the list shown', () => {
  const input = manyModels(2_000).reverse();
  const full = buildCatalogIndex(input);
  const enrich = (model: Model) => ({ ...model, contextLength: 128_000, mode: model.id.endsWith('7') ? 'embedding' : 'chat' });

  test('takes the complete index over when every model keeps its place: the same order and groups, the new models, chat counted anew', () => {
    const enriched = input.map(enrich);
    const taken = withModels(full, enriched);
    expect(taken).not.toBeNull();
    expect(ids(taken as CatalogIndex)).toEqual(ids(full));
    expect(counts(taken as CatalogIndex)).toEqual(counts(full));
    expect((taken as CatalogIndex).models.every((model) => model.contextLength === 128_000)).toBe(true);
    expect((taken as CatalogIndex).chatCount).toBe(enriched.filter((model) => model.mode === 'chat').length);
    expect(ids(taken as CatalogIndex)).toEqual(ids(buildCatalogIndex(enriched)));
  });

  test('builds anew when a place would change: a provider, a name, another list, or an index still being sorted', () => {
    const movedProvider = input.map((model, i) => (i === 5 ? { ...model, provider: 'zeta' } : model));
    const renamed = input.map((model, i) => (i === 5 ? { ...model, name: 'aaa first' } : model));
    expect(withModels(full, movedProvider)).toBeNull();
    expect(withModels(full, renamed)).toBeNull();
    expect(withModels(full, input.slice(1))).toBeNull();
    expect(withModels(full, [...input.slice(1), model('x/new')])).toBeNull();
    expect(withModels(buildCatalogIndex(input, { sortFirst: 50 }), input)).toBeNull();
  });
});
