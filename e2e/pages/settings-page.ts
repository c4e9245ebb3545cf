import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings dialog's Proxy Platforms tab, as a person uses it. */
export class SettingsPage {
  readonly dialog: Locator;
  readonly urlInput: Locator;
  readonly keyInput: Locator;
  readonly testButton: Locator;
  readonly status: Locator;
  readonly search: Locator;
  readonly modelList: Locator;
  readonly saveButton: Locator;
  readonly disconnectButton: Locator;
  readonly refreshButton: Locator;
  readonly lastFetched: Locator;
  readonly staleNotice: Locator;
  readonly modeToggle: Locator;
  readonly modelCount: Locator;
  readonly groupHeaders: Locator;
  readonly selectedMissing: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.urlInput = page.getByTestId('litellm-url-input');
    this.keyInput = page.getByTestId('litellm-api-key-input');
    this.testButton = page.getByTestId('litellm-test-button');
    this.status = page.getByTestId('connection-status');
    this.search = page.getByTestId('litellm-search-input');
    this.modelList = page.getByTestId('litellm-model-select');
    this.saveButton = page.getByTestId('litellm-save-button');
    this.disconnectButton = page.getByTestId('litellm-disconnect-button');
    this.refreshButton = page.getByTestId('litellm-refresh-button');
    this.lastFetched = page.getByTestId('litellm-last-fetched');
    this.staleNotice = page.getByTestId('litellm-stale-notice');
    this.modeToggle = page.getByTestId('litellm-mode-toggle');
    this.modelCount = page.getByTestId('litellm-model-count');
    this.groupHeaders = this.modelList.locator('.model-group');
    this.selectedMissing = page.getByTestId('litellm-selected-missing');
  }

  /** One figure of a model's row: `context`, `output` or `price`. */
  fact(id: string, key: 'context' | 'output' | 'price'): Locator {
    return this.model(id).locator(`[data-fact="${key}"]`);
  }

  /** The ability badges of a model's row. */
  capabilities(id: string): Locator {
    return this.model(id).locator('[data-capability]');
  }

  /** Waits until the metadata that follows the ids has been merged into the list. */
  async waitForDetails(): Promise<void> {
    await expect(this.page.getByTestId('litellm-catalog')).toHaveAttribute('data-details', 'loaded');
  }

  async close(): Promise<void> {
    await this.page.getByTestId('settings-close-button').click();
    await expect(this.dialog).toBeHidden();
  }

  get liteLLMButton(): Locator {
    return this.dialog.getByRole('button', { name: 'LiteLLM', exact: true });
  }

  model(id: string): Locator {
    return this.modelList.locator(`[role="option"][data-model-id="${id}"]`);
  }

  async openLiteLLM(): Promise<void> {
    await this.page.getByTestId('sidebar-settings-button').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('tab', { name: 'Proxy Platforms' }).click();
    await this.liteLLMButton.click();
    await expect(this.urlInput).toBeVisible();
  }

  async connect(url: string, key?: string): Promise<void> {
    await this.urlInput.fill(url);
    if (key !== undefined) await this.keyInput.fill(key);
    await this.testButton.click();
  }

  async chooseModel(id: string): Promise<void> {
    await this.search.fill(id);
    await this.model(id).click();
  }

  /** Picks a model and saves it as the one in use. */
  async saveModel(id: string): Promise<void> {
    await this.chooseModel(id);
    await this.saveButton.click();
    await expect(this.page.getByTestId('save-status')).toHaveText('Saved');
  }
}
