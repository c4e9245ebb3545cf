/**
 * Screenshots of the model catalog through the real browser host, for a
 * person to look at: 10,000 models, a search with highlights, the stale
 * notice, and the header warning for a model the proxy no longer offers.
 *
 *   pnpm build && node --import tsx bench/ui-screenshots.ts [out-dir]
 *
 * Saving a connection touches the keychain: run it where one is available
 * (inside `dbus-run-session` with an unlocked gnome-keyring, as the tests do).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDeployments, generateDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import type { Page } from '@playwright/test';
import { launchChromium, startBrowserHost, startPublicMap } from './ui-host.js';

const out = resolve(process.argv[2] ?? 'test-results/screenshots');
mkdirSync(out, { recursive: true });

async function openLiteLLM(page: Page): Promise<void> {
  await page.getByTestId('sidebar-settings-button').click();
  await page.getByRole('tab', { name: 'Proxy Platforms' }).click();
  const litellm = page.getByRole('button', { name: 'LiteLLM', exact: true });
  if ((await litellm.getAttribute('aria-pressed')) !== 'true') await litellm.click();
}

async function connect(page: Page, url: string): Promise<void> {
  await page.getByTestId('litellm-url-input').fill(url);
  await page.getByTestId('litellm-test-button').click();
  await page.locator('[role="option"]').first().waitFor();
  await page.getByTestId('litellm-metadata-loading').waitFor({ state: 'detached', timeout: 60_000 });
}

async function shot(page: Page, name: string, scrollToList = true): Promise<void> {
  if (scrollToList) await page.getByTestId('litellm-search-input').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(join(out, `${name}.png`));
}

const map = await startPublicMap();
const browser = await launchChromium();
const big = await startLiteLLMServer({ deployments: generateDeployments(10_000), masterKey: null });
const small = await startLiteLLMServer({ masterKey: null });
try {
  const host = await startBrowserHost(map.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(host.url);

  await openLiteLLM(page);
  await connect(page, big.url);
  await shot(page, '1-catalog-10000');
  await page.getByTestId('litellm-search-input').fill('gpt 4o');
  await shot(page, '2-search-highlight');
  await page.getByTestId('litellm-search-input').fill('');

  await connect(page, small.url);
  await page.getByTestId('litellm-search-input').fill('gpt-4o');
  await page.locator('[role="option"][data-model-id="gpt-4o"]').click();
  await page.getByTestId('litellm-save-button').click();
  await page.getByText('Saved').waitFor();
  await page.getByTestId('litellm-search-input').fill('');
  small.update({ failure: 'server-error' });
  await page.getByTestId('litellm-refresh-button').click();
  await page.getByTestId('litellm-stale-notice').waitFor();
  await shot(page, '3-stale-notice', false);

  small.update({ failure: null, deployments: defaultDeployments().filter((d) => d.model_name !== 'gpt-4o') });
  await page.reload();
  await page.getByTestId('current-model-missing').waitFor();
  await shot(page, '4-header-warning', false);
  await openLiteLLM(page);
  await page.getByTestId('litellm-selected-missing').waitFor();
  await page.getByTestId('litellm-save-button').scrollIntoViewIfNeeded();
  await shot(page, '5-panel-warning', false);
  await host.stop();
} finally {
  await browser.close();
  await big.close();
  await small.close();
  await map.close();
}
