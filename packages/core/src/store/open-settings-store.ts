import { mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { migrateSettings } from './migrations/migrate-settings.js';
import { createModelCacheStore, type ModelCacheStore } from './model-cache-store.js';
import { createModelHealthRecords, type ModelHealthRecords } from './model-health-records.js';
import { salvageSettings } from './salvage-settings.js';
import { SETTINGS_FILE_NAME, SETTINGS_SCHEMA_VERSION } from './settings-schema.js';
import type { AppNotice } from '@switchboard/shared';
import { settingsNotice } from './settings-notices.js';
import { createSettingsStore, documentOf, memoryConf, type ConfLike, type SettingsStore } from './settings-store.js';
import { removeStaleTempFiles } from './stale-temp-files.js';
import { copyAside, inspectStoreFile, moveAside } from './store-file.js';

export type MakeConf = (userDataDir: string, name: string) => ConfLike;

const MODEL_CACHE_FILE_NAME = 'model-cache';
const MODEL_HEALTH_FILE_NAME = 'model-health';
/** 2,000 results of a few hundred bytes each; a file far past that is not one Switchboard wrote. */
const MAX_MODEL_HEALTH_BYTES = 16 * 1024 * 1024;
/** Enriched lists of 10,000 models run to several MiB; a cache past this is dropped, not read. */
const MAX_MODEL_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * Outside Electron (browser host, tests) the store is plain `conf`; Electron hands in `electron-store`.
 * Neither is given `migrations`: the schema version and its migrations are
 * Switchboard's own (see migrations/), run before either library opens the
 * file, so both stores see the same, already current file.
 */
export const makePlainConf: MakeConf = (userDataDir, name) =>
  new Conf<Record<string, unknown>>({ projectName: 'switchboard', cwd: userDataDir, configName: name });

export interface OpenedSettings {
  store: SettingsStore;
  /** What the person should be told about this start (a file kept aside, entries dropped); empty when all was well. */
  notices: AppNotice[];
}

function prepareFolder(userDataDir: string, fileName: string, now: number): void {
  try {
    mkdirSync(userDataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Switchboard cannot use its settings folder ${userDataDir} (${code}). Check that it exists and that you may write to it.`, {
      cause: error,
    });
  }
  removeStaleTempFiles(userDataDir, fileName, now);
}

/** Moves a file that cannot be used aside; if even that fails, the session runs on settings kept in memory. */
function startAfresh(userDataDir: string, makeConf: MakeConf, file: string, reason: string, now: number): OpenedSettings {
  let kept: string;
  try {
    kept = moveAside(file, now);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { store: createSettingsStore(memoryConf()), notices: [settingsNotice.inMemory(file, `it ${reason}, and it could not be moved aside (${code})`)] };
  }
  return { store: createSettingsStore(makeConf(userDataDir, SETTINGS_FILE_NAME)), notices: [settingsNotice.keptAside(file, reason, kept)] };
}

/**
 * Opens `<userDataDir>/settings.json`, migrating an older file to the current
 * version. Nothing the person saved is thrown away without a copy and a
 * notice: an unreadable file is moved aside, a file with broken entries loses
 * only those (the original is copied aside first), and a file from a newer
 * Switchboard is left untouched.
 */
export function openSettingsStore(userDataDir: string, makeConf: MakeConf = makePlainConf, now: number = Date.now()): OpenedSettings {
  const fileName = `${SETTINGS_FILE_NAME}.json`;
  const file = join(userDataDir, fileName);
  prepareFolder(userDataDir, fileName, now);
  const found = inspectStoreFile(file);
  if (found.kind === 'missing') return { store: createSettingsStore(makeConf(userDataDir, SETTINGS_FILE_NAME)), notices: [] };
  if (found.kind !== 'document') return startAfresh(userDataDir, makeConf, file, found.reason, now);

  const migrated = migrateSettings(found.document);
  if (migrated.kind === 'newer') {
    return { store: createSettingsStore(memoryConf()), notices: [settingsNotice.newer(file, migrated.version, SETTINGS_SCHEMA_VERSION)] };
  }
  if (migrated.kind === 'bad-version') {
    return startAfresh(userDataDir, makeConf, file, `has a schema version (${JSON.stringify(migrated.value)}) that is not a version`, now);
  }
  const { settings, dropped } = salvageSettings(migrated.document);
  const notices: AppNotice[] = [];
  // The copy comes before the rewrite: killed in between, the person still has either the old file or both.
  if (dropped.length > 0) notices.push(settingsNotice.repaired(file, dropped, copyAside(file, now)));
  const conf = makeConf(userDataDir, SETTINGS_FILE_NAME);
  if (dropped.length > 0 || migrated.fromVersion < SETTINGS_SCHEMA_VERSION) conf.store = documentOf(settings);
  return { store: createSettingsStore(conf), notices };
}

/**
 * Opens `<userDataDir>/model-cache.json`. A broken cache is dropped without a
 * notice: it only holds lists fetched again at the next listing, nothing the
 * person typed, so there is nothing for them to do about it.
 */
export function openModelCacheStore(userDataDir: string, makeConf: MakeConf = makePlainConf, now: number = Date.now()): ModelCacheStore {
  return createModelCacheStore(openMachineFile(userDataDir, makeConf, MODEL_CACHE_FILE_NAME, MAX_MODEL_CACHE_BYTES, now));
}

/**
 * Opens `<userDataDir>/model-health.json`, the last check of each model. A
 * broken file is dropped like a broken cache: the results are made again by
 * the next check.
 */
export function openModelHealthRecords(userDataDir: string, makeConf: MakeConf = makePlainConf, now: number = Date.now()): ModelHealthRecords {
  return createModelHealthRecords(openMachineFile(userDataDir, makeConf, MODEL_HEALTH_FILE_NAME, MAX_MODEL_HEALTH_BYTES, now));
}

/** A file Switchboard makes again by itself (a cache, check results): one that cannot be read is dropped, not kept. */
function openMachineFile(userDataDir: string, makeConf: MakeConf, name: string, maxBytes: number, now: number): ConfLike {
  const fileName = `${name}.json`;
  const file = join(userDataDir, fileName);
  prepareFolder(userDataDir, fileName, now);
  const found = inspectStoreFile(file, maxBytes);
  try {
    // A regular file of ours is deleted; anything else in its place is not ours to delete, only to move.
    if (found.kind === 'unreadable') unlinkSync(file);
    if (found.kind === 'not-a-file') moveAside(file, now);
  } catch {
    return memoryConf();
  }
  return makeConf(userDataDir, name);
}
