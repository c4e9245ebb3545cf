import ElectronStore from 'electron-store';
import type { MakeConf } from '@switchboard/core';

/**
 * Core's stores (`<userData>/<name>.json`) backed by electron-store, as the design asks for in Electron.
 * No `migrations` and no `schema` here: core checks, migrates and repairs the
 * file before this opens it, the same way for the browser host's plain conf,
 * so both stores always open the same, already current file.
 */
export const makeElectronConf: MakeConf = (cwd, name) => new ElectronStore<Record<string, unknown>>({ cwd, name });
