import ElectronStore from 'electron-store';
import type { MakeConf } from '@switchboard/core';

/** Core's stores (`<userData>/<name>.json`) backed by electron-store, as the design asks for in Electron. */
export const makeElectronConf: MakeConf = (cwd, name) => new ElectronStore<Record<string, unknown>>({ cwd, name });
