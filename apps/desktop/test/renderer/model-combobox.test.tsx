// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useState } from 'react';
import type { Model } from '@switchboard/shared';
import { ModelCombobox } from '../../src/renderer/components/model-picker/ModelCombobox';
import { act } from 'react';
import { click, fakeLayout, getByTestId, mount, press, settle, type, type Mounted } from './dom';
import { FOUR_MODELS, manyModels, model } from './model-fixtures';

let restoreLayout: () => void;
let view: Mounted | null = null;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(async () => {
  await view?.unmount();
  view = null;
  restoreLayout();
});

/** The combobox with its selection kept in state, as the panel does. */
function Harness({ models, initial, current, onSelect }: { models: Model[]; initial: string | null; current: string | null; onSelect(id: string): void }) {
  const [selected, setSelected] = useState(initial);
  return (
    <ModelCombobox testIdPrefix="litellm"
      models={models}
      selectedId={selected}
      currentId={current}
      onSelect={(id) => {
        setSelected(id);
        onSelect(id);
      }}
    />
  );
}

async function render(models: Model[] = FOUR_MODELS, initial: string | null = null, current: string | null = null) {
  const onSelect = vi.fn();
  view = await mount(<Harness models={models} initial={initial} current={current} onSelect={onSelect} />);
  const input = getByTestId(view.container, 'litellm-search-input') as HTMLInputElement;
  const listbox = getByTestId(view.container, 'litellm-model-select');
  return { input, listbox, onSelect, container: view.container };
}

const activeOption = (input: HTMLElement, root: ParentNode) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? root.querySelector(`[id="${id}"]`) : null;
};

describe('ModelCombobox', () => {
  test('is a combobox that controls a listbox of options grouped by provider', async () => {
    const { input, listbox, container } = await render();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(listbox.getAttribute('role')).toBe('listbox');
    const options = [...listbox.querySelectorAll('[role="option"]')].map((option) => option.getAttribute('data-model-id'));
    expect(options).toEqual(['claude-3-5-sonnet', 'fake-up', 'gpt-4o', 'local-llama']);
    const headers = [...listbox.querySelectorAll('.model-group')].map((header) => header.textContent);
    expect(headers).toEqual(['Anthropic1 model', 'OpenAI2 models', 'Other1 model']);
    expect(getByTestId(container, 'litellm-model-count').textContent).toBe('4 models');
  });

  test('ArrowDown moves over options, skipping headers, and Enter selects the active one', async () => {
    const { input, listbox, onSelect } = await render();
    await press(input, 'ArrowDown');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('claude-3-5-sonnet');
    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('gpt-4o');
    await press(input, 'ArrowUp');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('fake-up');
    const enter = await press(input, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(onSelect).toHaveBeenLastCalledWith('fake-up');
    const selected = listbox.querySelector('[aria-selected="true"]');
    expect(selected?.getAttribute('data-model-id')).toBe('fake-up');
  });

  test('Home and End jump to the first and last option', async () => {
    const { input, listbox } = await render();
    await press(input, 'End');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('local-llama');
    await press(input, 'Home');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('claude-3-5-sonnet');
  });

  test('typing filters; Enter picks the first match; Escape clears the search, then collapses', async () => {
    const { input, listbox, onSelect } = await render();
    await type(input, 'LLAMA');
    expect([...listbox.querySelectorAll('[role="option"]')].map((option) => option.getAttribute('data-model-id'))).toEqual(['local-llama']);
    await press(input, 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith('local-llama');

    const first = await press(input, 'Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    expect(listbox.querySelectorAll('[role="option"]')).toHaveLength(4);

    await press(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const third = await press(input, 'Escape');
    expect(third.defaultPrevented).toBe(false);
  });

  test('says "No models match" when the search matches nothing', async () => {
    const { input, listbox, container } = await render();
    await type(input, 'zzz-nothing');
    expect(listbox.querySelectorAll('[role="option"]')).toHaveLength(0);
    expect(getByTestId(container, 'litellm-model-count').textContent).toBe('No models match');
  });

  test('clicking an option selects it; the saved model carries a "current" badge', async () => {
    const { listbox, onSelect } = await render(FOUR_MODELS, null, 'gpt-4o');
    const current = listbox.querySelector('[data-model-id="gpt-4o"]');
    expect(current?.querySelector('[data-badge="current"]')?.textContent).toBe('current');
    expect(listbox.querySelectorAll('[data-badge="current"]')).toHaveLength(1);
    await click(listbox.querySelector('[data-model-id="claude-3-5-sonnet"]'));
    expect(onSelect).toHaveBeenLastCalledWith('claude-3-5-sonnet');
  });

  test('renders only the rows in view of 10,000 models, and scrolls the selected one into view', async () => {
    const models = manyModels(10_000);
    const target = models[7_777]!;
    const { listbox } = await render(models, target.id);
    const rendered = listbox.querySelectorAll('[role="option"]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(listbox.querySelector(`[data-model-id="${target.id}"]`)?.getAttribute('aria-selected')).toBe('true');
    expect(listbox.scrollTop).toBeGreaterThan(0);
  });

  test('End on 10,000 models makes the last option active and renders it', async () => {
    const models = manyModels(10_000);
    const { input, listbox } = await render(models);
    await press(input, 'End');
    // The last group is "Other"; its last model by name is the highest index without a provider.
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('model-09999');
    expect(activeOption(input, listbox)?.getAttribute('aria-posinset')).toBe('10000');
  });

  test('a long list is shown with its first rows in order, and is all in order once that frame is painted', async () => {
    // Reversed: the proxy's order and name order disagree everywhere, so an unfinished index would show.
    const { input, listbox } = await render(manyModels(10_000).reverse());
    expect(listbox.querySelector('[role="option"]')?.getAttribute('data-model-id')).toBe('anthropic/model-00001');
    await settle();
    await press(input, 'End');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('model-09999');
  });

  test('a character typed while the list has focus goes to the search, and the keys go on from there', async () => {
    const { input, listbox, onSelect } = await render();
    listbox.focus();
    const typed = await press(listbox, 'l');
    expect(typed.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('l');
    await type(input, 'llama');
    await press(listbox, 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith('local-llama');
  });

  test('arrow keys pressed on the list move the active option and bring focus back to the search', async () => {
    const { input, listbox } = await render();
    listbox.focus();
    await press(listbox, 'ArrowDown');
    expect(document.activeElement).toBe(input);
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('claude-3-5-sonnet');
  });

  test('non-chat models are hidden behind a switch that says how many there are', async () => {
    const models = [...FOUR_MODELS, model('openai/text-embedding-3-small', { provider: 'openai', mode: 'embedding' })];
    const { listbox, container } = await render(models);
    const toggle = getByTestId(container, 'litellm-mode-toggle') as HTMLInputElement;
    expect(toggle.parentElement?.textContent).toBe('Show non-chat models (1)');
    expect(toggle.checked).toBe(false);
    expect(listbox.querySelector('[data-model-id="openai/text-embedding-3-small"]')).toBeNull();
    expect(getByTestId(container, 'litellm-model-count').textContent).toBe('4 models');
    await click(toggle);
    const embedding = listbox.querySelector('[data-model-id="openai/text-embedding-3-small"]');
    expect(embedding?.querySelector('[data-badge="mode"]')?.textContent).toBe('embedding');
    expect(getByTestId(container, 'litellm-model-count').textContent).toBe('5 models');
  });

  test('the search highlights what matched, in the name and the id', async () => {
    const { input, listbox } = await render([model('openai/gpt-4o-mini', { provider: 'openai' }), model('local-llama')]);
    await type(input, 'mini');
    const option = listbox.querySelector('[data-model-id="openai/gpt-4o-mini"]');
    expect([...(option?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent)).toEqual(['mini', 'mini']);
    expect(option?.querySelector('.model-option-name')?.innerHTML).toBe('gpt-4o-<mark>mini</mark>');
  });

  test('the active option stays on its model when metadata regroups the list', async () => {
    const ids = [model('gpt-4o'), model('claude-3-5-sonnet'), model('zeta')];
    const onSelect = vi.fn();
    view = await mount(<ModelCombobox testIdPrefix="litellm" models={ids} selectedId={null} currentId={null} onSelect={onSelect} />);
    const input = getByTestId(view.container, 'litellm-search-input');
    const listbox = getByTestId(view.container, 'litellm-model-select');
    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('gpt-4o');
    const enriched = [model('gpt-4o', { provider: 'openai' }), model('claude-3-5-sonnet', { provider: 'anthropic' }), model('zeta')];
    await act(async () => view?.root.render(<ModelCombobox testIdPrefix="litellm" models={enriched} selectedId={null} currentId={null} onSelect={onSelect} />));
    await settle();
    expect([...listbox.querySelectorAll('.model-group')].map((header) => header.getAttribute('data-group'))).toEqual(['Anthropic', 'OpenAI', 'Other']);
    expect(activeOption(input, listbox)?.getAttribute('data-model-id')).toBe('gpt-4o');
    await press(input, 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith('gpt-4o');
  });
});
