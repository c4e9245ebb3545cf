import { isSettingsDocument, type SettingsDocument } from './migrations/settings-document.js';
import { HeaderSettingSchema, PlatformNetworkSettingsSchema, SettingsSchema } from './settings-schema.js';

const ProxySchema = SettingsSchema.shape.network.unwrap().shape.proxy.unwrap();

/** Each field of an object on its own: a broken one falls back to its default alone, and is named. */
function fieldByField(shape: typeof ProxySchema.shape, value: SettingsDocument, path: string, dropped: string[]): SettingsDocument {
  const kept: SettingsDocument = {};
  for (const [field, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(value[field]);
    if (parsed.success) kept[field] = parsed.data;
    else dropped.push(`${path}.${field}`);
  }
  return kept;
}

/** Each platform's entry on its own: a broken one costs that entry (or that header), not its neighbours. */
function salvagePlatformsNetwork(value: unknown, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push('network.platforms');
    return {};
  }
  const entries: [string, SettingsDocument][] = [];
  for (const [id, entry] of Object.entries(value)) {
    const kept = salvagePlatformNetwork(entry, `network.platforms.${id}`, dropped);
    if (kept !== undefined) entries.push([id, kept]);
  }
  // fromEntries defines own properties, so an id like "__proto__" stays an entry instead of becoming a prototype.
  return Object.fromEntries(entries);
}

/**
 * The network section, field by field: a proxy mode typed wrong by hand costs
 * the mode (back to the environment), not the proxy URL or user name beside
 * it; a platform's broken entry costs that entry alone.
 */
export function salvageNetwork(value: unknown, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push('network');
    return {};
  }
  const platforms = salvagePlatformsNetwork(value['platforms'], dropped);
  if (value['proxy'] === undefined) return { platforms };
  if (!isSettingsDocument(value['proxy'])) {
    dropped.push('network.proxy');
    return { platforms };
  }
  return { proxy: fieldByField(ProxySchema.shape, value['proxy'], 'network.proxy', dropped), platforms };
}

/**
 * A platform's network settings, header by header: a broken header is
 * dropped alone (its neighbours and the CA file stay); a CA file that is not
 * a path falls back to none. Undefined when there is nothing to keep.
 */
function salvagePlatformNetwork(value: unknown, path: string, dropped: string[]): SettingsDocument | undefined {
  if (value === undefined) return undefined;
  if (!isSettingsDocument(value)) {
    dropped.push(path);
    return undefined;
  }
  const caFile = PlatformNetworkSettingsSchema.shape.caFile.safeParse(value['caFile']);
  if (!caFile.success) dropped.push(`${path}.caFile`);
  const headers: unknown[] = [];
  const given = value['headers'];
  if (Array.isArray(given)) {
    for (const [index, header] of given.entries()) {
      const parsed = HeaderSettingSchema.safeParse(header);
      if (parsed.success) headers.push(parsed.data);
      else dropped.push(`${path}.headers[${index}]`);
    }
  } else if (given !== undefined) {
    dropped.push(`${path}.headers`);
  }
  return { caFile: caFile.success ? caFile.data : null, headers };
}
