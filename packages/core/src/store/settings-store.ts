import { SettingsSchema, type Settings, type SettingsInput } from './settings-schema.js';

export interface SettingsStore {
  read(): Settings;
  write(settings: SettingsInput): void;
}

/**
 * The part of `conf` (and of `electron-store`, which extends it) this app
 * uses, so main can hand in an ElectronStore and the browser host and tests a
 * plain Conf.
 */
export interface ConfLike {
  store: Record<string, unknown>;
}

export function createSettingsStore(conf: ConfLike): SettingsStore {
  return {
    read: () => SettingsSchema.parse(conf.store),
    write(settings) {
      conf.store = SettingsSchema.parse(settings);
    },
  };
}
