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
}
