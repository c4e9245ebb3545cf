import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { IpcMain } from 'electron';
import {
  createBackendFromServices,
  createPublicModelMap,
  DEFAULT_MAX_BYTES,
  KeychainLockedError,
  KeychainUnavailableError,
  openModelCacheStore,
  openModelHealthRecords,
  openSettingsStore,
} from '@switchboard/core';
import type { ModelCacheStore, SecretStore, SettingsStore } from '@switchboard/core';
import { registerContractHandlers } from '../../../src/main/ipc';
import { registerStreamHandler, type StreamRequestEvent } from '../../../src/main/stream-ipc';
import { electronPort } from '../../main/fake-electron';
import { diagnoseByName } from './diagnose-by-name';
import type { FromCore, KeychainState, MainState, StreamRequest, ToCore } from './messages';

/**
 * Main in a worker thread: happy-dom replaces fetch, Response and
 * AbortController in the test's own thread, and core must speak HTTP with
 * Node's. Here the real API object answers through main's own IPC handler
 * (input checked against the contract, errors turned into a sentence), over
 * a temp user-data folder, with an in-memory keychain.
 */
const port = parentPort;
if (!port) throw new Error('core-worker.ts runs only as a worker thread.');

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
type StreamListener = (event: StreamRequestEvent, message: unknown) => void;

interface Session {
  dir: string;
  settings: SettingsStore;
  modelCache: ModelCacheStore;
  keys: Map<string, string>;
  handlers: Map<string, Handler>;
  streamListener: StreamListener | null;
  keychain: KeychainState;
  state: MainState;
}

let session: Session | null = null;

/** A loopback port that was free a moment ago: connecting to it is refused, as where nothing listens. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
const nothingListening = await closedPort();

/** The test servers stand in for hosts by name; any other host is nothing listening on loopback, so no request leaves 127.0.0.1. */
function routed(routes: Record<string, string>, url: string): string {
  const { origin } = new URL(url);
  // Test Connection is handed a server's own address (diagnose-by-name.ts): it is already there.
  if (Object.values(routes).includes(origin)) return url;
  return (routes[origin] ?? nothingListening) + url.slice(origin.length);
}

// What libsecret says when no Secret Service is running.
const NO_SECRET_SERVICE = 'The name org.freedesktop.secrets was not provided by any .service files';

function inMemoryKeychain(keys: Map<string, string>, state: () => KeychainState): SecretStore {
  // A locked or absent keychain, which a real Secret Service would have to be driven into by hand, fails with core's own errors.
  const guard = (operation: 'read' | 'save' | 'remove') => {
    if (state() === 'locked') throw new KeychainLockedError(operation);
    if (state() === 'unavailable') throw new KeychainUnavailableError(new Error(NO_SECRET_SERVICE), operation);
  };
  return {
    async get(account) {
      guard('read');
      return keys.get(account) ?? null;
    },
    async set(account, secret) {
      guard('save');
      keys.set(account, secret);
    },
    async delete(account) {
      guard('remove');
      keys.delete(account);
    },
  };
}

function open(state: MainState): Session {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-renderer-'));
  const { store: settings } = openSettingsStore(dir);
  const modelCache = openModelCacheStore(dir);
  const keys = new Map<string, string>();
  const next: Session = { dir, settings, modelCache, keys, handlers: new Map(), streamListener: null, keychain: 'open', state };
  const now = state.now === null ? () => Date.now() : () => state.now as number;
  // Each measured span is exactly `latencyMs`: core reads the clock once before a listing and once after.
  let tick = 0;
  const routedFetch = (url: string, init: RequestInit) => fetch(routed(next.state.routes, url), init);
  const { api, streams } = createBackendFromServices(
    {
      fetch: routedFetch,
      settings,
      secrets: inMemoryKeychain(keys, () => next.keychain),
      modelCache,
      modelHealth: openModelHealthRecords(dir),
      publicModelMap: createPublicModelMap({
        fetch: routedFetch,
        url: 'http://public-map.invalid/model_prices_and_context_window.json',
        cacheFile: join(dir, 'cache', 'public-model-map.json'),
        lifetimeMs: 60_000,
        timeoutMs: 2_000,
        now,
      }),
      now,
      monotonic: () => (tick += state.latencyMs),
      timeoutMs: 3_000,
      maxBytes: DEFAULT_MAX_BYTES,
      env: state.env,
      home: dir,
    },
    state.notices,
  );
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle: (channel: string, handler: Handler) => void next.handlers.set(channel, handler),
  } as unknown as Pick<IpcMain, 'handle'>;
  registerContractHandlers(ipcMain, api, () => true, () => {});
  const byName = { ...streams, 'connection:diagnose': diagnoseByName(streams['connection:diagnose'], () => next.state.routes, nothingListening, state.env) };
  registerStreamHandler({ on: (_channel, listener) => (next.streamListener = listener) }, byName, () => true, () => {});
  return next;
}

function current(): Session {
  if (!session) throw new Error('The worker has no session: send "open" first.');
  return session;
}

async function handle(message: ToCore): Promise<unknown> {
  switch (message.type) {
    case 'open':
      if (session) rmSync(session.dir, { recursive: true, force: true });
      session = open(message.state);
      return session.dir;
    case 'invoke': {
      const handler = current().handlers.get(message.channel);
      if (!handler) throw new Error(`No handler for ${message.channel}.`);
      return handler({}, message.input);
    }
    case 'save': {
      const settings = current().settings.read();
      current().settings.write({ ...settings, platforms: { ...settings.platforms, [message.instanceId]: message.saved } });
      return null;
    }
    case 'store-key':
      if (message.key === null) current().keys.delete(message.instanceId);
      else current().keys.set(message.instanceId, message.key);
      return null;
    case 'cache':
      current().modelCache.write(message.instanceId, message.list);
      return null;
    case 'keychain':
      current().keychain = message.state;
      return null;
    case 'opencode-settings': {
      const settings = current().settings.read();
      current().settings.write({ ...settings, opencode: { ...settings.opencode, ...message.change } });
      return null;
    }
    case 'routes':
      current().state = { ...current().state, routes: message.routes };
      return null;
    case 'read-key':
      return current().keys.get(message.instanceId) ?? null;
    case 'close':
      if (session) rmSync(session.dir, { recursive: true, force: true });
      session = null;
      return null;
  }
}

/** The page's window, as main's stream handler sees it: it never goes away while a test runs. */
const pageWindow = Object.assign(new EventEmitter(), { mainFrame: { url: 'file:///switchboard/index.html' } });

/** A stream the page opened: main's stream handler answers on its port, as in Electron. */
function openStream(message: StreamRequest): void {
  const listener = current().streamListener;
  if (!listener) throw new Error('Main has no stream handler.');
  listener({ sender: pageWindow, senderFrame: pageWindow.mainFrame, ports: [electronPort(message.port)] }, message.request);
}

port.on('message', (message: (ToCore & { id: number }) | StreamRequest) => {
  if (message.type === 'stream') return openStream(message);
  handle(message).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies FromCore),
    // As Electron's ipcRenderer.invoke rejects: the channel, then the error's name and message.
    (error: unknown) => {
      const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const text = message.type === 'invoke' ? `Error invoking remote method '${message.channel}': ${failure}` : failure;
      port.postMessage({ id: message.id, ok: false, message: text } satisfies FromCore);
    },
  );
});
