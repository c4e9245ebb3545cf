import { expect, type Locator, type Page } from '@playwright/test';

export type DiagnosisStepName = 'url' | 'dns' | 'tcp' | 'tls' | 'alive' | 'models' | 'metadata' | 'apis';

/** Test Connection's steps in the open platform panel, and what a run leaves: the report, "Trust a CA file…". */
export class DiagnosisPage {
  readonly steps: Locator;
  readonly copy: Locator;
  readonly trustCa: Locator;
  readonly certificate: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByTestId('diagnosis-steps');
    this.copy = page.getByTestId('diagnosis-copy');
    this.trustCa = page.getByRole('button', { name: 'Trust a CA file…' });
    this.certificate = page.getByTestId('diagnosis-certificate');
  }

  step(name: DiagnosisStepName): Locator {
    return this.steps.locator(`[data-testid="diagnosis-step"][data-step="${name}"]`);
  }

  detail(name: DiagnosisStepName): Locator {
    return this.step(name).getByTestId('diagnosis-step-detail');
  }

  fix(name: DiagnosisStepName): Locator {
    return this.step(name).getByTestId('diagnosis-step-fix');
  }

  /** Waits for the run to end, passed or failed. */
  async ended(): Promise<void> {
    await expect(this.page.getByTestId('diagnosis')).toHaveAttribute('data-status', /passed|failed/, { timeout: 15_000 });
  }

  /** Every step that ran ended ok or was skipped, and the run passed. */
  async expectPassed(): Promise<void> {
    await expect(this.page.getByTestId('diagnosis')).toHaveAttribute('data-status', 'passed', { timeout: 15_000 });
    await expect(this.steps.locator('[data-testid="diagnosis-step"][data-state="fail"]')).toHaveCount(0);
    await expect(this.step('models')).toHaveAttribute('data-state', 'ok');
  }

  /** The report on the clipboard after Copy report. */
  async copiedReport(): Promise<string> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.copy.click();
    await expect(this.page.getByTestId('diagnosis-copy-status')).toHaveAttribute('data-state', 'copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
