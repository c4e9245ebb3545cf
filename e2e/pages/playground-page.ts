import { expect, type Locator, type Page } from '@playwright/test';

/** The Overview's playground, as a person uses it. */
export class PlaygroundPage {
  readonly root: Locator;
  readonly prompt: Locator;
  readonly system: Locator;
  readonly model: Locator;
  readonly search: Locator;
  readonly modelList: Locator;
  readonly platform: Locator;
  readonly send: Locator;
  readonly cancel: Locator;
  readonly streamSwitch: Locator;
  readonly output: Locator;
  readonly reasoning: Locator;
  readonly ending: Locator;
  readonly error: Locator;
  readonly metrics: Locator;
  readonly leftOut: Locator;
  readonly temperature: Locator;
  readonly maxTokens: Locator;
  readonly responseFormat: Locator;
  readonly reasoningEffort: Locator;
  readonly schema: Locator;
  readonly schemaProblem: Locator;
  readonly copyCurl: Locator;
  readonly curl: Locator;

  constructor(readonly page: Page) {
    const id = (suffix: string) => page.getByTestId(`playground-${suffix}`);
    this.root = page.getByTestId('playground');
    this.prompt = id('prompt');
    this.system = id('system');
    this.model = id('model');
    this.search = id('search-input');
    this.modelList = id('model-select');
    this.platform = id('platform');
    this.send = id('send');
    this.cancel = id('cancel');
    this.streamSwitch = id('stream');
    this.output = id('output');
    this.reasoning = id('reasoning');
    this.ending = id('ending');
    this.error = id('error');
    this.metrics = id('metrics');
    this.leftOut = id('left-out');
    this.temperature = id('temperature');
    this.maxTokens = id('max-tokens');
    this.responseFormat = id('response-format');
    this.reasoningEffort = id('reasoning-effort');
    this.schema = id('json-schema');
    this.schemaProblem = id('json-schema-problem');
    this.copyCurl = id('copy-curl');
    this.curl = id('curl');
  }

  /** One figure of the metrics: `first-token`, `tokens-per-second`, `cost`, `answered-by`, `call-id`, … */
  metric(key: string): Locator {
    return this.metrics.locator(`[data-metric="${key}"] dd`);
  }

  /** Picks another model (of the platform named, when more than one is connected). */
  async chooseModel(modelId: string, platform?: string): Promise<void> {
    await this.model.click();
    if (platform) await this.platform.selectOption({ label: platform });
    await this.search.fill(modelId);
    await this.modelList.locator(`[role="option"][data-model-id="${modelId}"]`).click();
    await expect(this.model).toHaveAttribute('data-model-id', modelId);
  }

  /** Types the prompt and sends it with Ctrl+Enter, as the keyboard user would. */
  async ask(prompt: string): Promise<void> {
    await this.prompt.fill(prompt);
    await this.prompt.press('Control+Enter');
  }

  /** Waits for the answer to end, whichever way. */
  async waitForEnd(): Promise<void> {
    await expect(this.output).not.toHaveAttribute('data-state', 'streaming', { timeout: 20_000 });
  }
}
