import type { BrowserWindow} from 'electron';
import { app, dialog, ipcMain } from 'electron';
import { createBackend } from '@switchboard/core';
import { preloadPath, rendererIndexPath } from './build-paths.js';
import { makeElectronConf } from './electron-conf.js';
import { registerContractHandlers, type SenderCheck } from './ipc.js';
import { rendererEntryUrl, resolveRendererEntry } from './renderer-entry.js';
import { registerStreamHandler } from './stream-ipc.js';
import { isTrustedSender } from './trusted-sender.js';
import { applyUserDataDir } from './user-data.js';
import { createMainWindow } from './window.js';

// Before the lock and before `ready`: the lock and the Chromium profile live in userData.
applyUserDataDir(app, process.env);
app.enableSandbox();

const entry = resolveRendererEntry(process.env, app.isPackaged, rendererIndexPath);
const appUrl = rendererEntryUrl(entry);
let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  const window = createMainWindow({ entry, preloadPath });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function focusWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function start(): void {
  const { api, streams } = createBackend({
    userDataDir: app.getPath('userData'),
    makeConf: makeElectronConf,
    env: process.env,
  });
  const fromOwnWindow: SenderCheck = (event) => mainWindow !== null && isTrustedSender(event, mainWindow, appUrl);
  registerContractHandlers(ipcMain, api, fromOwnWindow);
  registerStreamHandler(ipcMain, streams, fromOwnWindow);
  openWindow();
}

// Two instances would write the same settings file; the second one hands over to the first.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Switchboard could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
} else {
  app.quit();
}
