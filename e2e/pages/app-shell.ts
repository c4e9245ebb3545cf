import type { Locator, Page } from '@playwright/test';

/** The window outside Settings: the header's status line. */
export class AppShell {
  readonly currentModel: Locator;
  readonly currentModelMissing: Locator;

  constructor(readonly page: Page) {
    this.currentModel = page.getByTestId('current-model');
    this.currentModelMissing = page.getByTestId('current-model-missing');
  }
}
