import { expect, type Locator, type Page } from '@playwright/test';
import { PlatformPanel } from './platform-panel.js';

/** The Custom endpoint panel: the platform panel, plus which endpoint, its name, and typed model limits. */
export class CustomEndpointPanel extends PlatformPanel {
  readonly nameInput: Locator;
  readonly endpointSelect: Locator;
  readonly addButton: Locator;
  readonly limitContextInput: Locator;
  readonly limitOutputInput: Locator;
  readonly limitSaveButton: Locator;
  readonly limitSource: Locator;
  readonly limitStatus: Locator;

  constructor(page: Page) {
    super(page, 'custom');
    this.nameInput = page.getByTestId('custom-name-input');
    this.endpointSelect = page.getByTestId('custom-endpoint-select');
    this.addButton = page.getByTestId('custom-add-button');
    this.limitContextInput = page.getByTestId('custom-limit-context-input');
    this.limitOutputInput = page.getByTestId('custom-limit-output-input');
    this.limitSaveButton = page.getByTestId('custom-limit-save-button');
    this.limitSource = page.getByTestId('custom-limit-source');
    this.limitStatus = page.getByTestId('custom-limit-status');
  }

  /** The saved endpoints as the chooser lists them: "name — url". */
  endpointOptions(): Locator {
    return this.endpointSelect.locator('option');
  }

  /** Opens a saved endpoint by its name. */
  async selectEndpoint(name: string): Promise<void> {
    const value = await this.endpointSelect.locator('option', { hasText: `${name} — ` }).getAttribute('value');
    if (value === null) throw new Error(`No endpoint named ${name}.`);
    await this.endpointSelect.selectOption(value);
    await expect(this.nameInput).toHaveValue(name);
  }

  /** Fills a new (or the open) endpoint's name, URL and key, and tests it. */
  async fill(name: string, url: string, key?: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.connect(url, key);
  }

  async saveLimits(context: string, output: string): Promise<void> {
    await this.limitContextInput.fill(context);
    await this.limitOutputInput.fill(output);
    await this.limitSaveButton.click();
    await expect(this.limitStatus).toHaveText('Limits saved');
  }
}
