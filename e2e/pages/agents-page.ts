import { expect, type Locator, type Page } from '@playwright/test';

/** Settings › Agents, as a person uses it: one card per agent, its test ids starting with `agent-<id>`. */
export class AgentsPage {
  readonly tab: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('settings-agents-tab');
  }

  /** Settings (already open) › Agents. */
  async open(): Promise<void> {
    await this.page.getByRole('dialog', { name: 'Settings' }).getByRole('tab', { name: 'Agents' }).click();
    await expect(this.tab).toBeVisible();
  }

  card(id: string): Locator {
    return this.page.getByTestId(`agent-${id}`);
  }

  diff(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-diff`);
  }

  writeButton(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-write`);
  }

  status(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-status`);
  }

  entry(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-entry`);
  }

  sync(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-sync`);
  }

  refusal(id: string): Locator {
    return this.page.getByTestId(`agent-${id}-refusal`);
  }
}
