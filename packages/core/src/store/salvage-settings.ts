import type { z } from 'zod';
import { isSettingsDocument, type SettingsDocument } from './migrations/settings-document.js';
import { salvageAgents } from './salvage-agents.js';
import { salvageNetwork } from './salvage-network.js';
import { salvagePlayground } from './salvage-playground.js';
import { PlatformSettingsSchema, SettingsSchema, type Settings } from './settings-schema.js';

export interface SalvagedSettings {
  settings: Settings;
  /** What had to go, as a person would name it: `the connection "custom:lab"`, `catalog.publicMapUrl`. */
  dropped: string[];
}

type Shape = Readonly<Record<string, z.ZodType>>;

/**
 * Keeps every field of `value` that its schema accepts; a field that breaks
 * it falls back to its default (or to null, or to absent) alone. Null when a
 * field the object cannot do without (a connection's URL) is broken.
 */
function salvageFields(shape: Shape, value: unknown, path: string, dropped: string[]): SettingsDocument | null {
  const source = isSettingsDocument(value) ? value : {};
  if (!isSettingsDocument(value) && value !== undefined) dropped.push(path);
  const kept: SettingsDocument = {};
  for (const [field, schema] of Object.entries(shape)) {
    const given = schema.safeParse(source[field]);
    if (given.success) {
      if (given.data !== undefined) kept[field] = given.data;
      continue;
    }
    if (isSettingsDocument(value)) dropped.push(`${path}.${field}`);
    const fallback = [undefined, null].map((candidate) => schema.safeParse(candidate)).find((parsed) => parsed.success);
    if (!fallback) return null;
    if (fallback.data !== undefined) kept[field] = fallback.data;
  }
  return kept;
}

/** Each connection on its own: a broken one is dropped, its neighbours stay. */
function salvagePlatforms(value: unknown, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push('platforms');
    return {};
  }
  const entries: [string, SettingsDocument][] = [];
  for (const [id, entry] of Object.entries(value)) {
    const fieldsDropped: string[] = [];
    const kept = salvageFields(PlatformSettingsSchema.shape, entry, `platforms.${id}`, fieldsDropped);
    if (kept === null) dropped.push(`the connection "${id}"`);
    else {
      dropped.push(...fieldsDropped);
      entries.push([id, kept]);
    }
  }
  // fromEntries defines own properties, so an id like "__proto__" stays an entry instead of becoming a prototype.
  return Object.fromEntries(entries);
}

/**
 * Reads a settings file (already migrated to the current version) field by
 * field, so that one bad value costs that value and not the whole file.
 */
export function salvageSettings(document: SettingsDocument): SalvagedSettings {
  const dropped: string[] = [];
  const { platforms: _platforms, playground: _playground, agents: _agents, network: _network, ...sections } = SettingsSchema.shape;
  const salvaged: SettingsDocument = {
    platforms: salvagePlatforms(document.platforms, dropped),
    playground: salvagePlayground(document['playground'], dropped),
    agents: salvageAgents(document['agents'], dropped),
    network: salvageNetwork(document['network'], dropped),
  };
  for (const [section, schema] of Object.entries(sections)) {
    salvaged[section] = salvageFields(schema.unwrap().shape, document[section], section, dropped) ?? {};
  }
  return { settings: SettingsSchema.parse(salvaged), dropped };
}
