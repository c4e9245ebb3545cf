import type { Locator, Page } from '@playwright/test';

/** The window outside Settings: the header's status line. */
export class AppShell {
  readonly currentModel: Locator;
  readonly currentModelMissing: Locator;
  /** ok, stale or none, in `data-state`; focusable when stale. */
  readonly status: Locator;
  /** Why the last refresh failed: shown on hover and focus of {@link status}. */
  readonly statusReason: Locator;

  constructor(readonly page: Page) {
    this.currentModel = page.getByTestId('current-model');
    this.currentModelMissing = page.getByTestId('current-model-missing');
    this.status = page.getByTestId('header-status');
    this.statusReason = page.getByTestId('header-status-reason');
  }
}
