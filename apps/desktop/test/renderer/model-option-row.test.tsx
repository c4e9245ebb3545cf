// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelCombobox } from '../../src/renderer/components/model-picker/ModelCombobox';
import { OPTION_ROW_HEIGHT } from '../../src/renderer/components/model-picker/ModelListbox';
import { click, fakeLayout, getByTestId, mount, type Mounted } from './dom';
import { model } from './model-fixtures';

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

const SONNET = model('claude-3-5-sonnet', {
  provider: 'anthropic',
  description: 'my sonnet, for long reviews: the admin wrote more than fits on one line of the list',
  underlying: 'anthropic/claude-3-5-sonnet-20241022',
  supportsVision: true,
  supportsPdf: true,
  supportsWebSearch: true,
  supportsPromptCaching: true,
  inputCostPerMillion: 3,
  outputCostPerMillion: 15,
  cacheReadCostPerMillion: 0.3,
  cacheWriteCostPerMillion: 3.75,
  sources: { supportsPdf: 'public-map', supportsWebSearch: 'public-map', supportsPromptCaching: 'proxy', inputCostPerMillion: 'proxy', outputCostPerMillion: 'proxy', cacheReadCostPerMillion: 'proxy', cacheWriteCostPerMillion: 'proxy' },
});
const FREE = model('free-llama', { inputCostPerMillion: 0, outputCostPerMillion: 0, contextLength: 32_768, sources: { inputCostPerMillion: 'proxy', outputCostPerMillion: 'proxy' } });
const RESPONSES = model('openai/o1-pro', { provider: 'openai', mode: 'responses' });

describe('what the proxy says about a model', () => {
  test("the admin's description and the model behind the alias, on the row's second line, whole in their tooltips", async () => {
    const row = await option('claude-3-5-sonnet', [SONNET, GPT_4O]);
    const description = row.querySelector<HTMLElement>('[data-testid="model-row-description"]');
    expect(description?.textContent).toBe(SONNET.description);
    expect(description?.title).toBe(SONNET.description);
    const underlying = row.querySelector<HTMLElement>('[data-testid="model-row-underlying"]');
    expect(underlying?.textContent).toBe('→ anthropic/claude-3-5-sonnet-20241022');
    expect(underlying?.title).toBe('Served by anthropic/claude-3-5-sonnet-20241022');
    // Both share the line under the name: the row keeps the height the virtual list gives every row.
    expect(description?.parentElement).toBe(underlying?.parentElement);
    expect(row.style.height).toBe(`${OPTION_ROW_HEIGHT}px`);
    const plain = await optionOf('gpt-4o');
    expect(plain.querySelector('[data-testid="model-row-description"]')).toBeNull();
    expect(plain.querySelector('[data-testid="model-row-underlying"]')).toBeNull();
  });

  test('PDF, web search and caching badges sit beside vision; the price title has the cached-input prices', async () => {
    const row = await option('claude-3-5-sonnet', [SONNET]);
    const badges = [...row.querySelectorAll<HTMLElement>('[data-capability]')];
    expect(badges.map((badge) => badge.textContent)).toEqual(['vision', 'PDF', 'web search', 'caching']);
    expect(badges[1]?.title).toBe("Accepts PDF files as input, from LiteLLM's public price map");
    expect(fact(row, 'price')?.textContent).toBe('$3.00 / $15.00 per M');
    expect(fact(row, 'price')?.title).toBe('Price per million tokens: $3.00 input, $15.00 output, from the proxy; cached input $0.30 to read, $3.75 to write, from the proxy');
  });

  test('a model the proxy says is free reads Free', async () => {
    const row = await option('free-llama', [FREE]);
    expect(fact(row, 'price')?.textContent).toBe('Free');
    expect(fact(row, 'price')?.title).toBe('Free: $0 input, $0 output per million tokens, from the proxy');
  });

  test('a responses-mode model, shown with the switch, is marked Responses API only', async () => {
    view = await mount(<ModelCombobox testIdPrefix="litellm" models={[GPT_4O, RESPONSES]} selectedId={null} currentId={null} onSelect={() => {}} />);
    expect(view.container.querySelector('[data-model-id="openai/o1-pro"]')).toBeNull();
    await click(getByTestId(view.container, 'litellm-mode-toggle'));
    const badge = getByTestId(view.container, 'litellm-model-select').querySelector<HTMLElement>('[data-model-id="openai/o1-pro"] [data-badge="responses-only"]');
    expect(badge?.textContent).toBe('Responses API only');
    expect(badge?.title).toMatch(/cannot use it$/);
  });
});

// What a proxy's admin (or whoever can write its config) may put in a description: it is shown as text, on one line.
const HOSTILE_DESCRIPTIONS = [
  ['markup', '<img src=x onerror="window.pwned=1"><b>bold</b>'],
  ['line breaks', 'first line\nsecond line\r\nthird'],
  ['a right-to-left override', 'safe \u202Etxt.exe'],
  ['4,096 characters', 'long '.repeat(819)],
] as const;

describe('descriptions as the proxy wrote them', () => {
  test.each(HOSTILE_DESCRIPTIONS)('%s: shown as text, whole in the tooltip, in a row of the usual height', async (_, description) => {
    const row = await option('odd', [model('odd', { description, underlying: '<script>alert(1)</script>' })]);
    const shown = row.querySelector<HTMLElement>('[data-testid="model-row-description"]');
    expect(shown?.textContent).toBe(description);
    expect(shown?.title).toBe(description);
    expect(shown?.children).toHaveLength(0);
    expect(row.querySelector('img, b, script')).toBeNull();
    expect(row.querySelector('[data-testid="model-row-underlying"]')?.textContent).toBe('→ <script>alert(1)</script>');
    expect(row.style.height).toBe(`${OPTION_ROW_HEIGHT}px`);
  });
});

async function optionOf(id: string): Promise<HTMLElement> {
  const found = view?.container.querySelector<HTMLElement>(`[data-model-id="${id}"]`);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}
