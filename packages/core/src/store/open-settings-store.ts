import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { createModelCacheStore, type ModelCacheStore } from './model-cache-store.js';
import { SETTINGS_FILE_NAME, SettingsSchema } from './settings-schema.js';
import { createSettingsStore, type ConfLike, type SettingsStore } from './settings-store.js';

export type MakeConf = (userDataDir: string, name: string) => ConfLike;

export const MODEL_CACHE_FILE_NAME = 'model-cache';

/** Outside Electron (browser host, tests) the store is plain `conf`; Electron hands in `electron-store`. */
export const makePlainConf: MakeConf = (userDataDir, name) =>
  new Conf<Record<string, unknown>>({ projectName: 'switchboard', cwd: userDataDir, configName: name });

/** Opens a store, moving a file that is not JSON aside (never deleting it) so the app still starts. */
function openConf(userDataDir: string, name: string, makeConf: MakeConf): { conf: ConfLike; setAside: () => void } {
  const file = join(userDataDir, `${name}.json`);
  const setAside = () => renameSync(file, `${file}.invalid-${Date.now()}`);
  try {
    return { conf: makeConf(userDataDir, name), setAside };
  } catch (error) {
    // Only a file that is there and unreadable is set aside; a folder we cannot use is the real error.
    if (!existsSync(file)) throw error;
    setAside();
    return { conf: makeConf(userDataDir, name), setAside };
  }
}

/**
 * Opens `<userDataDir>/settings.json`. A file that breaks the schema is moved
 * aside as well, and the app starts with empty settings rather than refusing
 * to start.
 */
export function openSettingsStore(userDataDir: string, makeConf: MakeConf = makePlainConf): SettingsStore {
  const { conf, setAside } = openConf(userDataDir, SETTINGS_FILE_NAME, makeConf);
  if (!SettingsSchema.safeParse(conf.store).success) {
    setAside();
    conf.store = SettingsSchema.parse({});
  }
  return createSettingsStore(conf);
}

/** Opens `<userDataDir>/model-cache.json`. */
export function openModelCacheStore(userDataDir: string, makeConf: MakeConf = makePlainConf): ModelCacheStore {
  return createModelCacheStore(openConf(userDataDir, MODEL_CACHE_FILE_NAME, makeConf).conf);
}
