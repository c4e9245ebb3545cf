import { SCHEMA_VERSION_KEY, SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings, type SettingsInput } from './settings-schema.js';

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

/** A store that never touches a file: for a session whose settings file must be left alone. */
export function memoryConf(): ConfLike {
  return { store: {} };
}

/** The file's content for settings already parsed: always with the schema version, first, so a person reading the file sees it. */
function fileContent(settings: Settings): Record<string, unknown> {
  return { [SCHEMA_VERSION_KEY]: SETTINGS_SCHEMA_VERSION, ...settings };
}

/** The file's content for some settings. */
export function documentOf(settings: SettingsInput): Record<string, unknown> {
  return fileContent(SettingsSchema.parse(settings));
}

export function createSettingsStore(conf: ConfLike): SettingsStore {
  let lastGood = SettingsSchema.parse({});
  return {
    read() {
      try {
        lastGood = SettingsSchema.parse(conf.store);
      } catch {
        // The file changed under a running session (another program, a hand edit) and no longer parses: keep
        // answering with what was last read, rather than failing every channel; the next save rewrites it whole.
      }
      return lastGood;
    },
    write(settings) {
      const parsed = SettingsSchema.parse(settings);
      conf.store = fileContent(parsed);
      lastGood = parsed;
    },
  };
}
