import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { fixturesDir, startBrowserHostProcess, startStaticServer } from '@switchboard/test-servers';

/** The same Chromium flags as the e2e suite, plus what the memory figures need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}

/** LiteLLM's public map from the recorded copy: a benchmark never reaches the internet. */
export async function startPublicMap(): Promise<{ url: string; close(): Promise<void> }> {
  const body = readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8');
  const server = await startStaticServer({ '/model_prices_and_context_window.json': { contentType: 'application/json', body } });
  return { url: `${server.url}/model_prices_and_context_window.json`, close: () => server.close() };
}

export interface RunningHost {
  /** The address to open, with its per-launch token. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The built browser host (`pnpm build` first) in a user-data folder of its own,
 * as e2e/support/app-host.ts starts it. The keychain is whatever the session
 * has: benchmarks never save a key.
 */
export async function startBrowserHost(publicMapUrl: string): Promise<RunningHost> {
  const userData = await mkdtemp(join(tmpdir(), 'switchboard-bench-ui-'));
  const host = await startBrowserHostProcess({ ...process.env, SWITCHBOARD_USER_DATA: userData, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: publicMapUrl });
  return {
    url: host.url,
    stop: async () => {
      await host.stop();
      await rm(userData, { recursive: true, force: true });
    },
  };
}
