import { describe, expect, test } from 'vitest';
import { buildModelRows, ordinalOf, type GroupRow, type OptionRow } from '../../src/renderer/lib/model-rows';
import { FOUR_MODELS, manyModels, model } from './fake-bridge';

const groups = (rows: ReturnType<typeof buildModelRows>['rows']) =>
  rows.filter((row): row is GroupRow => row.kind === 'group').map((row) => `${row.label}:${row.count}`);
const optionIds = (rows: ReturnType<typeof buildModelRows>['rows']) =>
  rows.filter((row): row is OptionRow => row.kind === 'option').map((row) => row.model.id);

describe('buildModelRows', () => {
  test('groups by provider A to Z with counts, models without a provider last under "Other"', () => {
    const { rows, optionCount } = buildModelRows(FOUR_MODELS, '', null);
    expect(groups(rows)).toEqual(['anthropic:1', 'openai:2', 'Other:1']);
    expect(optionIds(rows)).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    expect(optionCount).toBe(4);
    expect(rows.map((row) => row.kind)).toEqual(['group', 'option', 'group', 'option', 'option', 'group', 'option']);
  });

  test('"Other" comes last even after providers that sort after it', () => {
    const models = [model('vertex_ai/gemini-pro'), model('xai/grok-2'), model('bare-model'), model('azure/gpt-4o')];
    expect(groups(buildModelRows(models, '', null).rows)).toEqual(['azure:1', 'vertex_ai:1', 'xai:1', 'Other:1']);
  });

  test('maps each option ordinal to its row, skipping headers', () => {
    const { rows, optionRowIndex } = buildModelRows(FOUR_MODELS, '', null);
    expect(optionRowIndex).toEqual([1, 3, 4, 6]);
    optionRowIndex.forEach((rowIndex, ordinal) => {
      const row = rows[rowIndex];
      expect(row?.kind === 'option' && row.ordinal).toBe(ordinal);
    });
  });

  test('searches id and name, case-insensitively, and recounts groups', () => {
    const models = [
      model('openai/gpt-4o', { name: 'GPT-4o' }),
      model('anthropic/claude', { name: 'Claude Sonnet' }),
      model('router-7', { name: 'My GPT router' }),
    ];
    expect(optionIds(buildModelRows(models, 'gpt', null).rows)).toEqual(['openai/gpt-4o', 'router-7']);
    expect(groups(buildModelRows(models, '  SONNET ', null).rows)).toEqual(['anthropic:1']);
    expect(optionIds(buildModelRows(models, 'ANTHROPIC/', null).rows)).toEqual(['anthropic/claude']);
  });

  test('a search that matches nothing gives no rows at all', () => {
    const result = buildModelRows(FOUR_MODELS, 'no-such-model', null);
    expect(result.rows).toEqual([]);
    expect(result.optionCount).toBe(0);
  });

  test('marks the current model, and only it', () => {
    const { rows } = buildModelRows(FOUR_MODELS, '', 'gpt-4o');
    const current = rows.filter((row): row is OptionRow => row.kind === 'option' && row.current);
    expect(current.map((row) => row.model.id)).toEqual(['gpt-4o']);
  });

  test('ordinalOf finds a model among the filtered options', () => {
    const all = buildModelRows(FOUR_MODELS, '', null);
    expect(ordinalOf(all, 'gpt-4o')).toBe(2);
    expect(ordinalOf(buildModelRows(FOUR_MODELS, 'claude', null), 'gpt-4o')).toBe(-1);
    expect(ordinalOf(all, null)).toBe(-1);
  });

  test('handles 10,000 models', () => {
    const { rows, optionCount } = buildModelRows(manyModels(10_000), '', null);
    expect(optionCount).toBe(10_000);
    expect(rows).toHaveLength(10_005);
    expect(groups(rows)).toEqual(['anthropic:2000', 'google:2000', 'mistral:2000', 'openai:2000', 'Other:2000']);
  });
});
