import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The network settings as a person finds them, by their visible labels:
 * Settings › General › Network (the outgoing proxy), and the Network section
 * of the platform panel that is open.
 */
export class NetworkPage {
  readonly dialog: Locator;
  readonly proxy: Locator;
  readonly proxyUrl: Locator;
  readonly proxyUsername: Locator;
  readonly proxyPassword: Locator;
  readonly proxySave: Locator;
  readonly proxyStatus: Locator;
  readonly proxySaved: Locator;
  /** The open platform panel's Network section. */
  readonly platform: Locator;
  readonly caFile: Locator;
  readonly caCertificates: Locator;
  readonly addHeader: Locator;
  readonly headerNames: Locator;
  readonly headerValues: Locator;
  readonly secrets: Locator;
  readonly platformSave: Locator;
  readonly platformStatus: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.proxy = page.getByTestId('network-proxy');
    this.proxyUrl = this.proxy.getByLabel('Outgoing proxy URL');
    this.proxyUsername = this.proxy.getByLabel('Proxy username');
    this.proxyPassword = this.proxy.getByLabel('Proxy password');
    this.proxySave = this.proxy.getByRole('button', { name: 'Save' });
    this.proxyStatus = page.getByTestId('network-proxy-status');
    this.proxySaved = page.getByTestId('network-proxy-saved');
    this.platform = page.getByTestId('platform-network');
    this.caFile = this.platform.getByLabel('CA file');
    this.caCertificates = this.platform.getByTestId('network-ca-certificate');
    this.addHeader = this.platform.getByRole('button', { name: 'Add header' });
    this.headerNames = this.platform.getByLabel('Header name');
    this.headerValues = this.platform.getByLabel('Header value');
    this.secrets = this.platform.getByLabel('Secret', { exact: true });
    this.platformSave = this.platform.getByRole('button', { name: 'Save network settings' });
    this.platformStatus = page.getByTestId('platform-network-status');
  }

  /** Settings › General, where the Network section is. */
  async openGeneral(): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('sidebar-settings-button').click();
    await this.dialog.getByRole('tab', { name: 'General' }).click();
    await expect(this.proxy).toBeVisible();
  }

  /** Saves "This proxy" with its URL and credentials, and waits for main to say it is saved. */
  async useProxy(url: string, credentials?: { username: string; password: string }): Promise<void> {
    await this.openGeneral();
    await this.proxy.getByLabel('This proxy').check();
    await this.proxyUrl.fill(url);
    if (credentials) {
      await this.proxyUsername.fill(credentials.username);
      await this.proxyPassword.fill(credentials.password);
    }
    await this.proxySave.click();
    await expect(this.proxyStatus).toHaveText('Saved');
  }

  /** Opens the platform panel's Network section, unless it is open. */
  async openPlatformSection(): Promise<void> {
    const toggle = this.platform.getByRole('button', { name: 'Network' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.caFile).toBeVisible();
  }

  /** Adds a header row and fills it; `secret` ticks Secret first, so the value is typed hidden. */
  async addHeaderRow(name: string, value: string, secret = false): Promise<void> {
    await this.addHeader.click();
    const row = (await this.headerNames.count()) - 1;
    await this.headerNames.nth(row).fill(name);
    if (secret) await this.secrets.nth(row).check();
    await this.headerValues.nth(row).fill(value);
  }

  async savePlatform(): Promise<void> {
    await this.platformSave.click();
    await expect(this.platformStatus).toHaveText('Saved');
  }
}
