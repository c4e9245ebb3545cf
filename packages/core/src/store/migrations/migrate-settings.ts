import { SCHEMA_VERSION_KEY, SETTINGS_SCHEMA_VERSION } from '../settings-schema.js';
import type { SettingsDocument } from './settings-document.js';
import { migrateV0ToV1 } from './v0-to-v1.js';
import { migrateV1ToV2 } from './v1-to-v2.js';
import { migrateV2ToV3 } from './v2-to-v3.js';
import { migrateV3ToV4 } from './v3-to-v4.js';
import { migrateV4ToV5 } from './v4-to-v5.js';

/** `MIGRATIONS[n]` takes a file of version n to version n + 1; its length is the current version. */
const MIGRATIONS: ReadonlyArray<(document: SettingsDocument) => SettingsDocument> = [migrateV0ToV1, migrateV1ToV2, migrateV2ToV3, migrateV3ToV4, migrateV4ToV5];

if (MIGRATIONS.length !== SETTINGS_SCHEMA_VERSION) {
  throw new Error(`The settings schema is version ${SETTINGS_SCHEMA_VERSION} but ${MIGRATIONS.length} migrations lead to it.`);
}

export type MigrationOutcome =
  /** Now in the current format; `fromVersion` says what the file was. */
  | { kind: 'current'; document: SettingsDocument; fromVersion: number }
  /** Written by a newer Switchboard: this one must not guess at it, nor downgrade it. */
  | { kind: 'newer'; version: number }
  /** The version field is there but is no version at all (a string, a fraction, a negative number). */
  | { kind: 'bad-version'; value: unknown };

/** Brings a settings file of any older version to the current format, one step at a time. */
export function migrateSettings(document: SettingsDocument): MigrationOutcome {
  const version = document[SCHEMA_VERSION_KEY] ?? 0;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return { kind: 'bad-version', value: version };
  if (version > SETTINGS_SCHEMA_VERSION) return { kind: 'newer', version };
  let migrated = document;
  for (const migration of MIGRATIONS.slice(version)) migrated = migration(migrated);
  return { kind: 'current', document: { ...migrated, [SCHEMA_VERSION_KEY]: SETTINGS_SCHEMA_VERSION }, fromVersion: version };
}
