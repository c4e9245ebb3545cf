import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron.js';

const electron = vi.hoisted(() => ({ openExternal: vi.fn<(url: string) => Promise<void>>() }));

vi.mock('electron', async () => {
  const fakes = await import('./fake-electron.js');
  return { BrowserWindow: fakes.FakeBrowserWindow, shell: { openExternal: electron.openExternal } };
});

const { createMainWindow } = await import('../../src/main/window.js');
const { preloadPath } = await import('../../src/main/build-paths.js');

const INDEX = '/opt/switchboard/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

function openBuilt(): FakeBrowserWindow {
  return createMainWindow({ entry: { kind: 'file', path: INDEX }, preloadPath }) as unknown as FakeBrowserWindow;
}

function openDev(): FakeBrowserWindow {
  return createMainWindow({ entry: { kind: 'dev-server', url: DEV }, preloadPath }) as unknown as FakeBrowserWindow;
}

function headersAfter(window: FakeBrowserWindow, responseHeaders?: Record<string, string[]>): Record<string, string[]> {
  const listener = window.webContents.session.headersListener;
  if (!listener) throw new Error('no onHeadersReceived listener');
  let result: Record<string, string[]> | undefined;
  listener({ responseHeaders }, (response) => (result = response.responseHeaders));
  if (!result) throw new Error('the listener did not answer');
  return result;
}

function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([directiveName]) => directiveName === name);
  return found?.slice(1) ?? [];
}

beforeEach(() => {
  FakeBrowserWindow.created = [];
  electron.openExternal.mockReset();
  electron.openExternal.mockResolvedValue(undefined);
});

describe('createMainWindow', () => {
  it('hardens webPreferences and uses the built preload', () => {
    const { options } = openBuilt();
    expect(options.webPreferences).toEqual({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(isAbsolute(preloadPath)).toBe(true);
    expect(preloadPath.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
  });

  it('is titled, sized, and hidden until ready to show', () => {
    const window = openBuilt();
    expect(window.options).toMatchObject({ title: 'Switchboard', width: 1100, height: 760, minWidth: 800, minHeight: 560, show: false });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('loads the built index.html, or the dev server URL while developing', () => {
    const built = openBuilt();
    expect(built.loadedFile).toBe(INDEX);
    expect(built.loadedUrl).toBeNull();
    const dev = openDev();
    expect(dev.loadedUrl).toBe(DEV);
    expect(dev.loadedFile).toBeNull();
  });
});

describe('window.open', () => {
  it.each(['https://docs.litellm.ai/', 'http://localhost:4000/ui', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share'])(
    'is denied for %s',
    (url) => {
      const handler = openBuilt().webContents.windowOpenHandler;
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    },
  );

  it('hands web links to the system browser, and nothing else', () => {
    const handler = openBuilt().webContents.windowOpenHandler;
    for (const url of ['https://docs.litellm.ai/', 'http://localhost:4000/ui', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      handler?.({ url });
    }
    expect(electron.openExternal.mock.calls).toEqual([['https://docs.litellm.ai/'], ['http://localhost:4000/ui']]);
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'] as const)('%s away from the app is prevented', (event) => {
    const { webContents } = openBuilt();
    expect(webContents.attempt(event, 'https://evil.example/')).toBe(true);
    expect(webContents.attempt(event, 'file:///tmp/evil.html')).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s within the app page is allowed', (event) => {
    const { webContents } = openBuilt();
    expect(webContents.attempt(event, `${pathToFileURL(INDEX).href}#/models`)).toBe(false);
  });

  it('stays on the dev server origin while developing', () => {
    const { webContents } = openDev();
    expect(webContents.attempt('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(webContents.attempt('will-navigate', 'http://localhost:9999/')).toBe(true);
  });
});

describe('session', () => {
  it('denies every permission request', () => {
    const handler = openBuilt().webContents.session.permissionRequestHandler;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handler?.({}, permission, callback);
      expect(callback.mock.calls).toEqual([[false]]);
    }
  });

  it('adds the strict Content-Security-Policy to responses of the built app', () => {
    const headers = headersAfter(openBuilt(), { 'Content-Type': ['text/html'] });
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual([
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    ]);
  });

  it('allows the dev server HMR socket while developing', () => {
    const [policy] = headersAfter(openDev())['Content-Security-Policy'] ?? [];
    expect(directive(policy ?? '', 'connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(directive(policy ?? '', 'object-src')).toEqual(["'none'"]);
  });
});
