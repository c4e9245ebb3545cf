import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { LoopbackServers } from './loopback-servers';
import { installMain, MainProcess } from './main-process';

export interface MainHarness {
  /** Main for the current test: fresh settings, keychain and cache. */
  readonly main: MainProcess;
  /** The servers behind the hosts tests name, back to their defaults before each test. */
  readonly servers: LoopbackServers;
}

export interface MainOptions {
  /** A fixed wall clock for main (fetch and save times), or the real one. */
  now?: number;
}

/** Every measured latency (test-connection's "· 35 ms"): one figure, so what the page shows can be asserted. */
const LATENCY_MS = 35;

/**
 * The real main for each test of the calling file, installed as
 * `window.switchboard`: the servers and the worker start once per file, and
 * each test gets main afresh.
 */
export function mainHarness(options: MainOptions = {}): MainHarness {
  const main = new MainProcess();
  const servers = new LoopbackServers();
  beforeAll(async () => {
    await Promise.all([servers.start(), main.start()]);
  });
  afterAll(async () => {
    await main.close();
    await Promise.all([servers.stop(), main.stop()]);
  });
  beforeEach(async () => {
    servers.reset();
    await main.open({ routes: servers.routes(), notices: [], now: options.now ?? null, latencyMs: LATENCY_MS, env: {} });
    installMain(main);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'switchboard');
  });
  return { main, servers };
}
