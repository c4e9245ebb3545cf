import { expect, type Locator, type Page } from '@playwright/test';

/** One platform's panel in Settings > Proxy Platforms; every test id starts with the platform's prefix. */
export class PlatformPanel {
  readonly urlInput: Locator;
  /** The URL field's help, or what is wrong with the typed URL. */
  readonly urlMessage: Locator;
  readonly keyInput: Locator;
  readonly keyStatus: Locator;
  readonly keyWarning: Locator;
  readonly testButton: Locator;
  readonly status: Locator;
  readonly saveStatus: Locator;
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
  readonly selectedModel: Locator;
  readonly selectedMissing: Locator;
  readonly savedModel: Locator;
  readonly savedKey: Locator;
  /** The offer of another address ("Use http://host:4000"), while typing or after a failed test. */
  readonly urlSuggestion: Locator;
  /** What the proxy says about the key's access (a LiteLLM team key), beside the list. */
  readonly listNote: Locator;

  constructor(
    readonly page: Page,
    readonly prefix: string,
  ) {
    const id = (suffix: string) => page.getByTestId(`${prefix}-${suffix}`);
    this.urlInput = id('url-input');
    this.urlMessage = id('url-message');
    this.keyInput = id('api-key-input');
    this.keyStatus = id('key-status');
    this.keyWarning = id('key-warning');
    this.testButton = id('test-button');
    this.status = page.getByTestId('connection-status');
    this.saveStatus = page.getByTestId('save-status');
    this.search = id('search-input');
    this.modelList = id('model-select');
    this.saveButton = id('save-button');
    this.disconnectButton = id('disconnect-button');
    this.refreshButton = id('refresh-button');
    this.lastFetched = id('last-fetched');
    this.staleNotice = id('stale-notice');
    this.modeToggle = id('mode-toggle');
    this.modelCount = id('model-count');
    this.groupHeaders = this.modelList.locator('.model-group');
    this.selectedModel = id('selected-model');
    this.selectedMissing = id('selected-missing');
    this.savedModel = id('saved-model');
    this.savedKey = id('saved-key');
    this.urlSuggestion = page.getByTestId('url-suggestion');
    this.listNote = page.getByTestId('model-list-note');
  }

  /** One figure of a model's row: `context`, `output` or `price`. */
  fact(id: string, key: 'context' | 'output' | 'price'): Locator {
    return this.model(id).locator(`[data-fact="${key}"]`);
  }

  /** The ability badges of a model's row. */
  capabilities(id: string): Locator {
    return this.model(id).locator('[data-capability]');
  }

  /** The admin's description in a model's row. */
  description(id: string): Locator {
    return this.model(id).getByTestId('model-row-description');
  }

  /** The model behind an alias, in its row. */
  underlying(id: string): Locator {
    return this.model(id).getByTestId('model-row-underlying');
  }

  /** Waits until the metadata that follows the ids has been merged into the list. */
  async waitForDetails(): Promise<void> {
    await expect(this.page.getByTestId(`${this.prefix}-catalog`)).toHaveAttribute('data-details', 'loaded');
  }

  model(id: string): Locator {
    return this.modelList.locator(`[role="option"][data-model-id="${id}"]`);
  }

  /** Fills the URL (unless null: a platform with a fixed address) and the key, and tests. */
  async connect(url: string | null, key?: string): Promise<void> {
    if (url !== null) await this.urlInput.fill(url);
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
    await expect(this.saveStatus).toHaveText('Saved');
  }
}
