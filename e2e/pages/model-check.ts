import { expect, type Locator, type Page } from '@playwright/test';

/** Check models, in a platform's panel of Settings. */
export class ModelCheck {
  readonly root: Locator;
  readonly button: Locator;
  readonly confirmStep: Locator;
  readonly confirm: Locator;
  readonly cancel: Locator;
  readonly stop: Locator;
  readonly progress: Locator;
  readonly all: Locator;
  readonly some: Locator;
  readonly filter: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('check-models');
    this.button = page.getByTestId('check-models-button');
    this.confirmStep = page.getByTestId('check-models-confirm-step');
    this.confirm = page.getByTestId('check-models-confirm');
    this.cancel = page.getByTestId('check-models-cancel');
    this.stop = page.getByTestId('check-models-stop');
    this.progress = page.getByTestId('check-models-progress');
    this.all = page.getByTestId('check-models-all');
    this.some = page.getByTestId('check-models-some');
    this.filter = page.getByTestId('check-models-filter');
    this.results = page.getByTestId('model-health');
  }

  /** One model's result row (`data-state`: ok, error, timeout, or waiting). */
  result(modelId: string): Locator {
    return this.root.locator(`[data-testid="model-health"][data-model-id="${modelId}"]`);
  }

  /** Ticks these models (and only these) for the next check. */
  async select(modelIds: readonly string[]): Promise<void> {
    await this.some.check();
    for (const modelId of modelIds) await this.root.locator(`[data-testid="check-models-option"][data-model-id="${modelId}"]`).check();
  }

  /** Check …, then the confirm that it spends tokens, then waits for the end. */
  async run(expectedCount: number, timeout = 20_000): Promise<void> {
    await this.button.click();
    await expect(this.confirmStep).toContainText(`${expectedCount} model`);
    await expect(this.confirmStep).toContainText('spends tokens');
    await this.confirm.click();
    await expect(this.progress).toHaveAttribute('data-state', 'done', { timeout });
  }
}
