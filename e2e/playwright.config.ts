import { defineConfig } from '@playwright/test';
import { electronBinary } from './support/electron-binary.js';
import type { HostOptions } from './support/fixtures.js';

const chromium = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';
const electron = electronBinary();
// Workers load this file too; the notice is said once, by the runner.
if (!electron.path && !process.env.SWITCHBOARD_ELECTRON_NOTICE_SHOWN) {
  process.env.SWITCHBOARD_ELECTRON_NOTICE_SHOWN = '1';
  console.warn(`\n*** Electron project: NOT RUN. ${electron.reason} The same specs run in Chromium through the browser host. ***\n`);
}

export default defineConfig<HostOptions>({
  testDir: './specs',
  // Every spec shares the keychain service "switchboard" (accounts litellm, openrouter, custom:*): run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium: Playwright cannot download its own browser here.
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    {
      name: 'browser-host',
      use: { host: 'browser', browserName: 'chromium' },
    },
    { name: 'electron', use: { host: 'electron' } },
  ],
});
