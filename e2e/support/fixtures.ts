import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  fixturesDir,
  startConnectProxy,
  startLiteLLMServer,
  startOpenRouterServer,
  startStaticServer,
  type ConnectProxy,
  type ConnectProxyOptions,
  type OpenRouterServerOptions,
} from '@switchboard/test-servers';
// By path: e2e does not depend on the shared package (adding it would need an install); the grammar is shared's.
import { parseInstanceId } from '../../packages/shared/src/instance-id.js';
import { SettingsPage } from '../pages/settings-page.js';
import { startBrowserHostApp, startElectronApp, type RunningApp } from './app-host.js';
import { electronBinary } from './electron-binary.js';
import { clearKeychainEntry, clearNetworkSecrets } from './keychain.js';

export interface HostOptions {
  host: 'browser' | 'electron';
}

/** The app under test, in a user-data folder of its own, restartable on that same folder. */
interface Switchboard {
  page: Page;
  settings: SettingsPage;
  userDataDir: string;
  /** The opencode config this run writes (SWITCHBOARD_OPENCODE_CONFIG): never the person's own. */
  opencodeConfigPath: string;
  /** The app's HOME: every other agent's config (~/.claude, ~/.codex, ~/.continue, …) is under it, never the person's own. */
  agentHome: string;
  /** Everything the app process printed, across restarts. */
  output(): string;
  restart(): Promise<void>;
}

/** Set with `test.use({ openrouterOptions: … })` where a spec needs another OpenRouter (e.g. more valid keys). */
export interface OpenRouterOptions {
  openrouterOptions: OpenRouterServerOptions;
}

/** Set with `test.use({ corpProxyOptions: … })` where a spec needs another corporate proxy (one that refuses, say). */
export interface CorpProxyOptions {
  corpProxyOptions: ConnectProxyOptions;
}

/** The corporate proxy's credentials: the password must never reach the page once saved. */
export const CORP_PROXY_CREDENTIALS = { username: 'alice', password: 'proxy-pw-7f3a91c2e5' } as const;
/** A name only the corporate proxy knows, for the loopback test servers (Switchboard never sends loopback through a proxy). */
export const CORP_HOST = 'litellm.corp.test';

type Fixtures = {
  switchboard: Switchboard;
  /** A real HTTP CONNECT proxy on loopback that wants Basic credentials and resolves {@link CORP_HOST} to 127.0.0.1. */
  corpProxy: ConnectProxy;
  litellm: Awaited<ReturnType<typeof startLiteLLMServer>>;
  /** The OpenRouter the app talks to: SWITCHBOARD_OPENROUTER_BASE_URL points at it, so no test reaches openrouter.ai. */
  openrouter: Awaited<ReturnType<typeof startOpenRouterServer>>;
};

/** The custom endpoints' keychain accounts (`custom:<id>`) this session holds: their ids come from names a spec chose. */
function customAccounts(): string[] {
  // secret-tool prints the attributes on stderr (and the secrets on stdout, which are not read).
  const found = spawnSync('secret-tool', ['search', '--all', 'service', 'switchboard'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const accounts = [...(found.stderr ?? '').matchAll(/^attribute\.account = (.+)$/gm)].map((match) => match[1] ?? '');
  return accounts.filter((account) => parseInstanceId(account)?.platform === 'custom');
}

/** Every account Switchboard writes: LiteLLM's, OpenRouter's, each custom endpoint's, and the network's secrets. */
function clearSwitchboardKeychain(): void {
  for (const account of ['litellm', 'openrouter', ...customAccounts()]) clearKeychainEntry(account);
  // Secret headers' values and the proxy password (#14), which a network spec leaves behind.
  clearNetworkSecrets();
}

type WorkerFixtures = { publicModelMapUrl: string };

export const test = base.extend<Fixtures & HostOptions & OpenRouterOptions & CorpProxyOptions, WorkerFixtures>({
  host: ['browser', { option: true }],
  openrouterOptions: [{}, { option: true }],
  corpProxyOptions: [{ credentials: CORP_PROXY_CREDENTIALS, hosts: { [CORP_HOST]: '127.0.0.1' } }, { option: true }],

  corpProxy: async ({ corpProxyOptions }, use) => {
    const proxy = await startConnectProxy(corpProxyOptions);
    await use(proxy);
    await proxy.close();
  },

  // LiteLLM's public model map, served from the recorded copy: tests never reach the internet.
  publicModelMapUrl: [
    async ({}, use) => {
      const body = readFileSync(`${fixturesDir}/litellm-1.81.12/model_prices_and_context_window.json`, 'utf8');
      const server = await startStaticServer({ '/model_prices_and_context_window.json': { contentType: 'application/json', body } });
      await use(`${server.url}/model_prices_and_context_window.json`);
      await server.close();
    },
    { scope: 'worker' },
  ],

  litellm: async ({}, use) => {
    const server = await startLiteLLMServer();
    await use(server);
    await server.close();
  },

  openrouter: async ({ openrouterOptions }, use) => {
    const server = await startOpenRouterServer(openrouterOptions);
    await use(server);
    await server.close();
  },

  switchboard: async ({ host, browser, publicModelMapUrl, openrouter }, use) => {
    const electron = electronBinary();
    // Said per test so the report shows why each Electron run did not happen.
    test.skip(host === 'electron' && !electron.path, `Electron project not run: ${electron.reason}`);
    clearSwitchboardKeychain();
    const userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-'));
    const opencodeConfigPath = join(userDataDir, 'opencode', 'opencode.json');
    const agentHome = join(userDataDir, 'home');
    const inherited = { ...process.env };
    // The variables that move an agent's file elsewhere would point the app at the person's own files.
    for (const name of ['CODEX_HOME', 'CONTINUE_GLOBAL_DIR', 'CLAUDE_CONFIG_DIR', 'QWEN_HOME', 'XDG_CONFIG_HOME']) delete inherited[name];
    const env = {
      ...inherited,
      HOME: agentHome,
      SWITCHBOARD_USER_DATA: userDataDir,
      SWITCHBOARD_PUBLIC_MODEL_MAP_URL: publicModelMapUrl,
      SWITCHBOARD_OPENROUTER_BASE_URL: `${openrouter.url}/api/v1`,
      SWITCHBOARD_OPENCODE_CONFIG: opencodeConfigPath,
    };
    const start = () => (host === 'electron' && electron.path ? startElectronApp(electron.path, env) : startBrowserHostApp(browser, env));
    const outputs: string[][] = [];
    let app: RunningApp = await start();
    outputs.push(app.output);
    const switchboard: Switchboard = {
      page: app.page,
      settings: new SettingsPage(app.page),
      userDataDir,
      opencodeConfigPath,
      agentHome,
      output: () => outputs.flat().join(''),
      restart: async () => {
        await app.stop();
        app = await start();
        outputs.push(app.output);
        switchboard.page = app.page;
        switchboard.settings = new SettingsPage(app.page);
      },
    };
    await use(switchboard);
    await app.stop();
    clearSwitchboardKeychain();
    await rm(userDataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
