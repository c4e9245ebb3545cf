import { describe, expect, test } from 'vitest';
import { buildCatalogIndex } from '../../src/renderer/lib/catalog-index';
import { allRows, modelAtOrdinal, ordinalOf, type GroupRow, type ModelRow, type OptionRow } from '../../src/renderer/lib/model-rows';
import { filterCatalog, matchRanges, sliceRanges } from '../../src/renderer/lib/model-search';
import { FOUR_MODELS, manyModels, model } from './model-fixtures';

function rowsFor(models = FOUR_MODELS, query = '', showNonChat = false) {
  const index = buildCatalogIndex(models);
  const view = filterCatalog(index, query, showNonChat);
  return { index, view, rows: allRows(index, view) };
}
const groups = (rows: ModelRow[]) => rows.filter((row): row is GroupRow => row.kind === 'group').map((row) => `${row.label}:${row.count}`);
const optionIds = (rows: ModelRow[]) => rows.filter((row): row is OptionRow => row.kind === 'option').map((row) => row.model.id);

describe('grouping', () => {
  test('groups by provider name A to Z with counts, models without a provider last under "Other"', () => {
    const { rows, view } = rowsFor();
    expect(groups(rows)).toEqual(['Anthropic:1', 'OpenAI:2', 'Other:1']);
    expect(optionIds(rows)).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    expect(view.optionCount).toBe(4);
    expect(rows.map((row) => row.kind)).toEqual(['group', 'option', 'group', 'option', 'option', 'group', 'option']);
  });

  test('"Other" comes last; unknown provider keys are shown as they are', () => {
    const models = [model('vertex_ai/gemini-pro'), model('zeta/x-1'), model('bare-model'), model('azure/gpt-4o')];
    expect(groups(rowsFor(models).rows)).toEqual(['Azure OpenAI:1', 'Google Vertex AI:1', 'zeta:1', 'Other:1']);
  });

  test('regroups when metadata gives an alias its provider', () => {
    const ids = [model('gpt-4o'), model('my-claude')];
    expect(groups(rowsFor(ids).rows)).toEqual(['Other:2']);
    const enriched = [model('gpt-4o', { provider: 'openai' }), model('my-claude', { provider: 'anthropic' })];
    expect(groups(rowsFor(enriched).rows)).toEqual(['Anthropic:1', 'OpenAI:1']);
  });

  // Wildcard routes and repeated ids never reach the picker: core's listings leave them out (platform conformance).
  test('sorts names naturally within a group, whatever their case', () => {
    const models = [model('m/model-10'), model('m/model-2'), model('m/Model-1')];
    expect(optionIds(rowsFor(models).rows)).toEqual(['m/Model-1', 'm/model-2', 'm/model-10']);
  });

  test('sorts names in natural order within a group', () => {
    const names = ['model-10', 'model-2', 'Model-1b', 'llama-3.1-70b', 'llama-3.1-8b', 'v1.10', 'v1.5'];
    expect(optionIds(rowsFor(names.map((name) => model(`p/${name}`))).rows)).toEqual(
      ['llama-3.1-8b', 'llama-3.1-70b', 'Model-1b', 'model-2', 'model-10', 'v1.5', 'v1.10'].map((name) => `p/${name}`),
    );
  });

  test('maps ordinals to options, skipping headers, and model ids to ordinals', () => {
    const { index, view } = rowsFor();
    expect([...view.optionRows]).toEqual([1, 3, 4, 6]);
    expect(modelAtOrdinal(index, view, 2)?.id).toBe('gpt-4o');
    expect(ordinalOf(index, view, 'gpt-4o')).toBe(2);
    expect(ordinalOf(index, view, 'nope')).toBe(-1);
    expect(ordinalOf(index, view, null)).toBe(-1);
  });

  test('handles 10,000 models', () => {
    const { rows, view } = rowsFor(manyModels(10_000));
    expect(view.optionCount).toBe(10_000);
    expect(rows).toHaveLength(10_005);
    expect(groups(rows)).toEqual(['Anthropic:2000', 'Google:2000', 'Mistral:2000', 'OpenAI:2000', 'Other:2000']);
  });
});

describe('mode filter', () => {
  const models = [
    model('openai/gpt-4o', { mode: 'chat' }),
    model('openai/text-embedding-3-small', { mode: 'embedding' }),
    model('openai/dall-e-3', { mode: 'image_generation' }),
    model('openai/whisper-1', { mode: 'audio_transcription' }),
    model('openai/o1', { mode: 'responses' }),
    model('mystery'),
  ];

  test('shows chat models (and models of unknown mode) by default, and counts the hidden ones', () => {
    const { index, view, rows } = rowsFor(models);
    expect(optionIds(rows)).toEqual(['openai/gpt-4o', 'mystery']);
    expect(index.chatCount).toBe(2);
    expect(index.models.length - index.chatCount).toBe(4);
    expect(view.hiddenNonChat).toBe(4);
  });

  test('a model that speaks only the Responses API is hidden like other non-chat modes, and never the first offered', () => {
    const responsesFirst = [model('openai/a-responses-model', { mode: 'responses' }), model('openai/gpt-4o', { mode: 'chat' })];
    const { index, view } = rowsFor(responsesFirst);
    expect(modelAtOrdinal(index, view, 0)?.id).toBe('openai/gpt-4o');
    expect(view.optionCount).toBe(1);
    // Searched for by name, it is still only behind the switch.
    expect(rowsFor(responsesFirst, 'a-responses').view.hiddenNonChat).toBe(1);
    expect(optionIds(rowsFor(responsesFirst, 'a-responses', true).rows)).toEqual(['openai/a-responses-model']);
  });

  test('the toggle shows every mode, and group counts follow', () => {
    const { rows } = rowsFor(models, '', true);
    expect(optionIds(rows)).toHaveLength(6);
    expect(groups(rows)).toEqual(['OpenAI:5', 'Other:1']);
  });

  test('a search that only matches hidden models says so', () => {
    const { view } = rowsFor(models, 'embedding');
    expect(view.optionCount).toBe(0);
    expect(view.hiddenNonChat).toBe(1);
  });
});

describe('fuzzy search', () => {
  test('matches id and name, case-insensitively, forgives a typo, and keeps the grouping', () => {
    const models = [
      model('openai/gpt-4o', { name: 'GPT-4o' }),
      model('anthropic/claude-3-5-sonnet'),
      model('router-7', { name: 'My GPT router' }),
    ];
    expect(optionIds(rowsFor(models, 'gpt').rows)).toEqual(['openai/gpt-4o', 'router-7']);
    expect(groups(rowsFor(models, '  SONNET ').rows)).toEqual(['Anthropic:1']);
    expect(optionIds(rowsFor(models, 'sonet').rows)).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(optionIds(rowsFor(models, 'anthropic/').rows)).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(optionIds(rowsFor(models, 'gpt 4o').rows)).toEqual(['openai/gpt-4o']);
  });

  test('within a group, names that start with the search come first, without leaving the group', () => {
    const models = [model('openai/chatgpt-4o-latest'), model('openai/gpt-4o'), model('azure/my-gpt-4o'), model('openai/gpt-4o-mini')];
    const { rows } = rowsFor(models, 'gpt 4o');
    expect(groups(rows)).toEqual(['Azure OpenAI:1', 'OpenAI:3']);
    expect(optionIds(rows)).toEqual(['azure/my-gpt-4o', 'openai/gpt-4o', 'openai/gpt-4o-mini', 'openai/chatgpt-4o-latest']);
    const { index, view } = rowsFor(models, 'gpt 4o');
    expect(modelAtOrdinal(index, view, 1)?.id).toBe('openai/gpt-4o');
  });

  test('a search that matches nothing gives no rows at all; punctuation alone is a plain substring search', () => {
    expect(rowsFor(FOUR_MODELS, 'no-such-model').rows).toEqual([]);
    const models = [model('openai/gpt-4o'), model('plain')];
    expect(optionIds(rowsFor(models, '/').rows)).toEqual(['openai/gpt-4o']);
  });

  test('highlight ranges land in the name and in the id', () => {
    const index = buildCatalogIndex([model('openai/gpt-4o-mini'), model('router-7', { name: 'My GPT router' })]);
    const view = filterCatalog(index, 'gpt', false);
    const positions = [...view.rows].filter((row) => row >= 0);
    const ranges = matchRanges(index, view.query, positions);
    const mini = index.positionOf('openai/gpt-4o-mini');
    const router = index.positionOf('router-7');
    const { titleAt, idAt } = index.searchText();
    // "gpt-4o-mini" is the id without "openai/": one match shows in both.
    expect(sliceRanges(ranges.get(mini), titleAt[mini] ?? 0, 'gpt-4o-mini'.length)).toEqual([0, 3]);
    expect(sliceRanges(ranges.get(mini), idAt[mini] ?? 0, 'openai/gpt-4o-mini'.length)).toEqual([7, 10]);
    expect(sliceRanges(ranges.get(router), titleAt[router] ?? 0, 'My GPT router'.length)).toEqual([3, 6]);
    expect(sliceRanges(ranges.get(router), idAt[router] ?? 0, 'router-7'.length)).toEqual([]);
  });

  test('sliceRanges clips ranges to a field', () => {
    expect(sliceRanges([0, 4, 6, 9], 3, 5)).toEqual([0, 1, 3, 5]);
    expect(sliceRanges(undefined, 0, 5)).toEqual([]);
  });

  test('finds one model among 10,000, and nothing for a search that matches none', () => {
    // How fast is `pnpm bench`'s to say; this is about what is found.
    const index = buildCatalogIndex(manyModels(10_000));
    const found = filterCatalog(index, 'model-07777', false);
    expect(modelAtOrdinal(index, found, 0)?.id).toBe('mistral/model-07777');
    expect(filterCatalog(index, 'zzz', false).optionCount).toBe(0);
  });
});
