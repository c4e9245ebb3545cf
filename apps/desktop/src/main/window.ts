import { contentSecurityPolicy } from '@switchboard/shared';
import { BrowserWindow, shell } from 'electron';
import { guardNavigation } from './navigation-guard.js';
import { rendererEntryUrl, type RendererEntry } from './renderer-entry.js';
import { hardenSession } from './session-guard.js';

export interface MainWindowOptions {
  entry: RendererEntry;
  preloadPath: string;
}

/** The one app window, with the renderer locked down and its guards attached before anything loads. */
export function createMainWindow({ entry, preloadPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Switchboard',
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 560,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // A middle-click would otherwise ask for a new window; the open handler denies it anyway, this stops it sooner.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  guardNavigation(window.webContents, rendererEntryUrl(entry), (url) => shell.openExternal(url));
  hardenSession(window.webContents.session, contentSecurityPolicy(entry.kind === 'dev-server' ? entry.url : undefined));
  window.once('ready-to-show', () => window.show());

  const loading = entry.kind === 'dev-server' ? window.loadURL(entry.url) : window.loadFile(entry.path);
  loading.catch((error: unknown) => {
    console.error(`Switchboard could not load its window: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
