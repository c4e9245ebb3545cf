import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { channels, STREAM_IPC_CHANNEL } from '@switchboard/shared';
import { electronPort, eventFrom, FakeIpcMain, FakeWebContents, type FakeBrowserWindow } from './fake-electron.js';
import type * as CoreModuleNamespace from '@switchboard/core';

type CoreModule = typeof CoreModuleNamespace;

/** Per-test state behind the fakes; the mock factories below only delegate to it. */
const h = vi.hoisted(() => {
  const fresh = () => {
    let resolveReady = () => {};
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    return {
      order: [] as string[],
      paths: new Map<string, string>(),
      appListeners: new Map<string, (...args: unknown[]) => void>(),
      lockGranted: true,
      isPackaged: false,
      isReady: false,
      ready,
      resolveReady,
      quitCalls: 0,
      errorBoxes: [] as Array<[string, string]>,
      storeOptions: [] as Array<{ cwd: string; name: string }>,
      failStore: false,
      secrets: new Map<string, string>(),
      ipc: null as unknown as { handle(channel: string, handler: unknown): void; on(channel: string, listener: unknown): void },
      windows: [] as FakeBrowserWindow[],
    };
  };
  return { current: fresh(), fresh };
});

vi.mock('electron', async () => {
  const fakes = await import('./fake-electron.js');
  // vi.resetModules gives each test a new copy of fake-electron, so windows are recorded here instead of in a static.
  class BrowserWindow extends fakes.FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      h.current.windows.push(this);
    }
  }
  const app = {
    get isPackaged() {
      return h.current.isPackaged;
    },
    setName: (name: string) => h.current.order.push(`setName:${name}`),
    setPath: (name: string, value: string) => {
      h.current.order.push(`setPath:${name}`);
      h.current.paths.set(name, value);
    },
    getPath: (name: string) => {
      const value = h.current.paths.get(name);
      if (value === undefined) throw new Error(`the test never set ${name}`);
      return value;
    },
    enableSandbox: () => h.current.order.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      h.current.order.push('requestSingleInstanceLock');
      return h.current.lockGranted;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      h.current.appListeners.set(event, listener);
      return app;
    },
    whenReady: () => {
      h.current.order.push('whenReady');
      return h.current.ready;
    },
    isReady: () => h.current.isReady,
    quit: () => {
      h.current.quitCalls += 1;
    },
  };
  return {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: unknown) => h.current.ipc.handle(channel, handler),
      on: (channel: string, listener: unknown) => h.current.ipc.on(channel, listener),
    },
    dialog: { showErrorBox: (title: string, content: string) => h.current.errorBoxes.push([title, content]) },
    shell: { openExternal: async () => undefined },
  };
});

// electron-store is conf plus Electron's default folder; real conf keeps the file behaviour real.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class FakeElectronStore extends Conf<Record<string, unknown>> {
    constructor(options: { cwd: string; name: string }) {
      h.current.storeOptions.push(options);
      if (h.current.failStore) throw new Error('settings folder is read-only');
      super({ projectName: 'switchboard', cwd: options.cwd, configName: options.name });
    }
  }
  return { default: FakeElectronStore };
});

// The real keychain needs a Secret Service; everything else in core stays real, createBackend included:
// main leaves the keychain to createBackend, so the map goes in where main calls it.
vi.mock('@switchboard/core', async (importOriginal) => {
  const core = await importOriginal<CoreModule>();
  const secrets = {
    get: async (account: string) => h.current.secrets.get(account) ?? null,
    set: async (account: string, secret: string) => void h.current.secrets.set(account, secret),
    delete: async (account: string) => void h.current.secrets.delete(account),
  };
  return { ...core, createBackend: (options: Parameters<CoreModule['createBackend']>[0]) => core.createBackend({ ...options, secrets }) };
});

let scratch: string;
let ipc: FakeIpcMain;

beforeEach(() => {
  h.current = h.fresh();
  ipc = new FakeIpcMain();
  h.current.ipc = ipc;
  scratch = mkdtempSync(join(tmpdir(), 'switchboard-main-'));
  vi.stubEnv('SWITCHBOARD_USER_DATA', join(scratch, 'nested', 'profile'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  vi.stubEnv('XDG_CONFIG_HOME', join(scratch, 'xdg'));
  // Nothing here may reach the internet: the public model map points at a closed loopback port.
  vi.stubEnv('SWITCHBOARD_PUBLIC_MODEL_MAP_URL', 'http://127.0.0.1:9/model_prices.json');
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

async function launch(): Promise<void> {
  await import('../../src/main/index.js');
}

async function becomeReady(): Promise<void> {
  h.current.order.push('ready');
  h.current.isReady = true;
  h.current.resolveReady();
  await vi.waitFor(() => expect(h.current.windows.length + h.current.errorBoxes.length).toBeGreaterThan(0));
}

function onlyWindow(): FakeBrowserWindow {
  expect(h.current.windows).toHaveLength(1);
  return h.current.windows[0] as FakeBrowserWindow;
}

describe('main entry', () => {
  it('applies SWITCHBOARD_USER_DATA with setPath before ready and before the single-instance lock', async () => {
    const profile = join(scratch, 'nested', 'profile');
    await launch();

    expect(h.current.paths.get('userData')).toBe(profile);
    // Electron refuses setPath for a folder that does not exist.
    expect(existsSync(profile)).toBe(true);
    const { order } = h.current;
    expect(order.indexOf('setPath:userData')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('setPath:userData')).toBeLessThan(order.indexOf('requestSingleInstanceLock'));
    expect(order).not.toContain('ready');
    // Nothing that depends on Electron being ready has happened yet.
    expect(h.current.storeOptions).toEqual([]);
    expect(h.current.windows).toEqual([]);
    expect(ipc.handleCalls).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'without SWITCHBOARD_USER_DATA uses the folder the browser host uses, not one named after the npm package (Linux paths only)',
    async () => {
      vi.stubEnv('SWITCHBOARD_USER_DATA', undefined);
      await launch();
      expect(h.current.paths.get('userData')).toBe(join(scratch, 'xdg', 'Switchboard'));
      expect(h.current.order).toContain('setName:Switchboard');
    },
  );

  it('on ready builds the real API on <userData>/settings.json and the keychain, and answers the window', async () => {
    const profile = join(scratch, 'nested', 'profile');
    await launch();
    await becomeReady();

    expect(h.current.storeOptions).toContainEqual({ cwd: profile, name: 'settings' });
    expect(h.current.storeOptions.every((options) => options.cwd === profile)).toBe(true);
    expect([...ipc.handleCalls].sort()).toEqual([...channels].sort());

    const window = onlyWindow();
    expect(window.loadedFile).toMatch(/renderer[\\/]index\.html$/);
    const saved = await ipc.invoke('litellm:set-config', eventFrom(window.webContents), {
      url: 'http://127.0.0.1:4000/v1/',
      key: { mode: 'provided', value: 'sk-wiring-test-9876' },
      selectedModel: 'gpt-4o',
    });
    expect(saved).toEqual({
      ok: true,
      value: { url: 'http://127.0.0.1:4000', connected: true, keyStored: true, keyHint: '••••9876', selectedModel: 'gpt-4o', savedAt: expect.any(Number) },
    });

    const file = readFileSync(join(profile, 'settings.json'), 'utf8');
    expect(JSON.parse(file).platforms).toEqual({ litellm: { url: 'http://127.0.0.1:4000', selectedModel: 'gpt-4o', savedAt: expect.any(Number) } });
    expect(file).not.toContain('sk-wiring-test-9876');
    expect(h.current.secrets.get('litellm')).toBe('sk-wiring-test-9876');
  });

  it('refuses other senders, and its own window once that window is closed', async () => {
    await launch();
    await becomeReady();
    const window = onlyWindow();
    const appUrl = window.webContents.mainFrame.url;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(ipc.invoke('litellm:get-config', eventFrom(new FakeWebContents(appUrl)))).rejects.toThrow(/refused/);
    await expect(ipc.invoke('litellm:get-config', eventFrom(window.webContents))).resolves.toMatchObject({ keyStored: false });

    window.emit('closed');
    await expect(ipc.invoke('litellm:get-config', eventFrom(window.webContents))).rejects.toThrow(/refused/);
  });

  it("answers streams from its own window on a port, and refuses another window's", async () => {
    await launch();
    await becomeReady();
    const window = onlyWindow();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect([...ipc.listeners.keys()]).toEqual([STREAM_IPC_CHANNEL]);
    const stream = (sender: FakeWebContents) => {
      const { port1, port2 } = new MessageChannel();
      ipc.emit(STREAM_IPC_CHANNEL, { ...eventFrom(sender), ports: [electronPort(port2)] }, { channel: 'playground:generate', input: { prompt: '' } });
      return new Promise((resolve) => port1.once('message', (message) => resolve(message)).unref());
    };
    // An input that does not fit is refused by main itself, before core: no request leaves the test.
    await expect(stream(window.webContents)).resolves.toEqual({ type: 'end', error: expect.stringMatching(/^Invalid input for playground:generate/) });
    await expect(stream(new FakeWebContents(window.webContents.mainFrame.url))).resolves.toEqual({ type: 'end', error: expect.stringMatching(/refused the stream/) });
  });

  it('quits at once when another instance holds the lock', async () => {
    h.current.lockGranted = false;
    await launch();
    expect(h.current.quitCalls).toBe(1);
    expect(h.current.order).not.toContain('whenReady');
    h.current.resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.current.windows).toEqual([]);
    expect(ipc.handleCalls).toEqual([]);
  });

  it('brings the existing window back when a second instance starts', async () => {
    await launch();
    await becomeReady();
    const window = onlyWindow();
    window.minimized = true;
    h.current.appListeners.get('second-instance')?.();
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(h.current.windows).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await launch();
    const allClosed = h.current.appListeners.get('window-all-closed');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
    try {
      Object.defineProperty(process, 'platform', { value: 'linux' });
      allClosed?.();
      expect(h.current.quitCalls).toBe(1);
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      allClosed?.();
      expect(h.current.quitCalls).toBe(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('reopens the window on activate after it was closed', async () => {
    await launch();
    await becomeReady();
    onlyWindow().emit('closed');
    h.current.appListeners.get('activate')?.();
    expect(h.current.windows).toHaveLength(2);
  });

  it('says why it cannot start, and quits, when the settings cannot be opened', async () => {
    h.current.failStore = true;
    await launch();
    await becomeReady();
    expect(h.current.errorBoxes).toHaveLength(1);
    expect(h.current.errorBoxes[0]?.[0]).toBe('Switchboard could not start');
    expect(h.current.quitCalls).toBe(1);
    expect(h.current.windows).toEqual([]);
  });
});
