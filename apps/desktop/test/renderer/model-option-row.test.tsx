// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelCombobox } from '../../src/renderer/components/model-picker/ModelCombobox';
import { fakeLayout, getByTestId, mount, type Mounted } from './dom';
import { model } from './fake-bridge';

let restoreLayout: () => void;
let view: Mounted | null = null;
beforeEach(() => {
  restoreLayout = fakeLayout(600);
});
afterEach(async () => {
  await view?.unmount();
  view = null;
  restoreLayout();
});

const GPT_4O = model('gpt-4o', {
  provider: 'openai',
  mode: 'chat',
  contextLength: 128_000,
  maxOutputTokens: 16_384,
  inputCostPerMillion: 2.5,
  outputCostPerMillion: 10,
  supportsVision: true,
  supportsTools: true,
  supportsReasoning: false,
  sources: {
    mode: 'proxy',
    contextLength: 'proxy',
    maxOutputTokens: 'public-map',
    inputCostPerMillion: 'proxy',
    outputCostPerMillion: 'proxy',
    supportsVision: 'proxy',
    supportsTools: 'public-map',
    supportsReasoning: 'proxy',
  },
});

async function option(id: string, models = [GPT_4O, model('fake-up', { provider: 'openai' }), model('openai/o3', { provider: 'openai', supportsReasoning: true })]) {
  view = await mount(<ModelCombobox testIdPrefix="litellm" models={models} selectedId={null} currentId="gpt-4o" onSelect={() => {}} />);
  const found = getByTestId(view.container, 'litellm-model-select').querySelector<HTMLElement>(`[data-model-id="${id}"]`);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}

const fact = (row: HTMLElement, key: string) => row.querySelector<HTMLElement>(`[data-fact="${key}"]`);

describe('a model option', () => {
  test('shows context window, output limit and price per million, each saying where it came from', async () => {
    const row = await option('gpt-4o');
    expect(fact(row, 'context')?.textContent).toBe('128K ctx');
    expect(fact(row, 'context')?.title).toBe('Context window: 128,000 tokens, from the proxy');
    expect(fact(row, 'output')?.textContent).toBe('16K out');
    expect(fact(row, 'output')?.title).toBe("Maximum output: 16,384 tokens, from LiteLLM's public price map");
    expect(fact(row, 'price')?.textContent).toBe('$2.50 / $10.00 per M');
    expect(fact(row, 'price')?.title).toBe('Price per million tokens: $2.50 input, $10.00 output, from the proxy');
  });

  test('has a badge per known ability, with its source, and none for an ability it lacks', async () => {
    const row = await option('gpt-4o');
    const badges = [...row.querySelectorAll<HTMLElement>('[data-capability]')];
    expect(badges.map((badge) => badge.dataset.capability)).toEqual(['vision', 'tools']);
    expect(badges[1]?.title).toBe("Calls tools (function calling), from LiteLLM's public price map");
    expect(row.querySelector('[data-badge="current"]')?.textContent).toBe('current');
    expect(row.getAttribute('data-current')).toBe('true');
  });

  test('shows unknown figures as a dash that says "unknown", never as 0', async () => {
    const row = await option('fake-up');
    for (const key of ['context', 'output', 'price']) {
      expect(fact(row, key)?.dataset.known).toBe('false');
      expect(fact(row, key)?.querySelector('.fact-value')?.textContent).toBe('—');
      expect(fact(row, key)?.title).toMatch(/: unknown$/);
    }
    expect(row.textContent).not.toContain('$0');
    expect(row.querySelectorAll('[data-capability]')).toHaveLength(0);
  });

  test('shows the display name and, when it differs, the id', async () => {
    const row = await option('openai/o3');
    expect(row.querySelector('.model-option-name')?.textContent).toBe('o3');
    expect(row.querySelector('.model-option-id')?.textContent).toBe('openai/o3');
    expect(row.querySelector('[data-capability="reasoning"]')).not.toBeNull();
    expect((await optionOf('gpt-4o')).querySelector('.model-option-id')).toBeNull();
  });
});

async function optionOf(id: string): Promise<HTMLElement> {
  const found = view?.container.querySelector<HTMLElement>(`[data-model-id="${id}"]`);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}
