import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { SETTINGS_FILE_NAME, SettingsSchema } from './settings-schema.js';
import { createSettingsStore, type ConfLike, type SettingsStore } from './settings-store.js';

export type MakeConf = (userDataDir: string) => ConfLike;

/** Outside Electron (browser host, tests) the store is plain `conf`; Electron hands in `electron-store`. */
export const makePlainConf: MakeConf = (userDataDir) =>
  new Conf<Record<string, unknown>>({ projectName: 'switchboard', cwd: userDataDir, configName: SETTINGS_FILE_NAME });

/**
 * Opens `<userDataDir>/settings.json`. A file that is not JSON or breaks the
 * schema is moved aside (never deleted, never silently overwritten) and the
 * app starts with empty settings rather than refusing to start.
 */
export function openSettingsStore(userDataDir: string, makeConf: MakeConf = makePlainConf): SettingsStore {
  const file = join(userDataDir, `${SETTINGS_FILE_NAME}.json`);
  const setAside = () => renameSync(file, `${file}.invalid-${Date.now()}`);
  let conf: ConfLike;
  try {
    conf = makeConf(userDataDir);
  } catch {
    setAside();
    conf = makeConf(userDataDir);
  }
  if (!SettingsSchema.safeParse(conf.store).success) {
    setAside();
    conf.store = SettingsSchema.parse({});
  }
  return createSettingsStore(conf);
}
