import { expect, type Locator, type Page } from '@playwright/test';
import { CustomEndpointPanel } from './custom-endpoint-panel.js';
import { PlatformPanel } from './platform-panel.js';

export type PlatformName = 'LiteLLM' | 'OpenRouter' | 'Custom endpoint';

/**
 * The Settings dialog's Proxy Platforms tab, as a person uses it. Its own
 * locators are LiteLLM's (the first platform, and what the older specs use);
 * `openrouter` and `custom` are the other platforms' panels.
 */
export class SettingsPage extends PlatformPanel {
  readonly dialog: Locator;
  readonly openrouter: PlatformPanel;
  readonly custom: CustomEndpointPanel;

  constructor(page: Page) {
    super(page, 'litellm');
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.openrouter = new PlatformPanel(page, 'openrouter');
    this.custom = new CustomEndpointPanel(page);
  }

  async close(): Promise<void> {
    await this.page.getByTestId('settings-close-button').click();
    await expect(this.dialog).toBeHidden();
  }

  platformButton(name: PlatformName): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  get liteLLMButton(): Locator {
    return this.platformButton('LiteLLM');
  }

  /** Settings > Proxy Platforms, without choosing a platform. */
  async openProxyPlatforms(): Promise<void> {
    await this.page.getByTestId('sidebar-settings-button').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('tab', { name: 'Proxy Platforms' }).click();
  }

  /** Settings > Proxy Platforms > the platform, with its form shown. */
  async openPlatform(name: PlatformName): Promise<void> {
    await this.openProxyPlatforms();
    await this.platformButton(name).click();
    await expect(this.platformButton(name)).toHaveAttribute('aria-pressed', 'true');
    const prefix = { LiteLLM: 'litellm', OpenRouter: 'openrouter', 'Custom endpoint': 'custom' }[name];
    await expect(this.page.getByTestId(`${prefix}-api-key-input`)).toBeVisible();
  }

  async openLiteLLM(): Promise<void> {
    await this.openPlatform('LiteLLM');
    await expect(this.urlInput).toBeVisible();
  }
}
