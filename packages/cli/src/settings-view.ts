import { join } from 'node:path';
import { inspectStoreFile, SETTINGS_FILE_NAME } from '@switchboard/core/keychain';
import { BUILT_IN_PLATFORM_IDS } from '@switchboard/shared/instance-id';

/** One saved connection as the settings file has it; only what the CLI reads. */
interface SavedInstance {
  url: string | null;
  /** A custom endpoint's display name. */
  name: string | null;
  /** The names of its custom headers marked secret, whose values are in the keychain (Settings › the platform's network). */
  secretHeaders: readonly string[];
}

/** What the CLI reads of Switchboard's settings: never the whole schema, so that `switchboard key` stays light. */
export interface SettingsView {
  /** The settings file, for sentences that name it. */
  file: string;
  /** Every saved connection by instance id (custom endpoints included). */
  instances: ReadonlyMap<string, SavedInstance>;
  /** Settings › keychain.timeoutMs where it is a valid one, else null (the keychain's default). */
  keychainTimeoutMs: number | null;
  /** Settings › agents.<id>.configPath: a path chosen in the Agents tab, or null for the agent's own default. */
  agentConfigPath(agentId: string): string | null;
}

// The settings schema's own bounds for keychain.timeoutMs (core's settings-schema.ts): a value outside them is not used.
const MIN_KEYCHAIN_TIMEOUT_MS = 500;
const MAX_KEYCHAIN_TIMEOUT_MS = 60_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function secretHeadersOf(network: unknown): string[] {
  const headers = isObject(network) ? network['headers'] : undefined;
  if (!Array.isArray(headers)) return [];
  return headers.flatMap((header: unknown) => (isObject(header) && header['secret'] === true && typeof header['name'] === 'string' && header['name'] !== '' ? [header['name']] : []));
}

function timeoutOf(keychain: unknown): number | null {
  const value = isObject(keychain) ? keychain['timeoutMs'] : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_KEYCHAIN_TIMEOUT_MS && value <= MAX_KEYCHAIN_TIMEOUT_MS ? value : null;
}

/**
 * Switchboard's settings as the file holds them, only looked at, the way the
 * app looks at it at start: never created, migrated or repaired, never
 * followed through a link, never waited on if it is a pipe. A missing or
 * broken file reads as no saved connection and no choices.
 */
export function readSettingsView(userDataDir: string): SettingsView {
  const file = join(userDataDir, `${SETTINGS_FILE_NAME}.json`);
  let document: Record<string, unknown> = {};
  try {
    const found = inspectStoreFile(file);
    if (found.kind === 'document') document = found.document;
  } catch {
    // A folder that cannot be looked into: the built-in platforms are still worth asking the keychain about.
  }
  const instances = new Map<string, SavedInstance>();
  const platforms = document['platforms'];
  // Network settings sit beside the connections (settings v5), by the same instance id.
  const network = document['network'];
  const networkPlatforms = isObject(network) && isObject(network['platforms']) ? network['platforms'] : {};
  const secretHeadersFor = (id: string) => secretHeadersOf(Object.hasOwn(networkPlatforms, id) ? networkPlatforms[id] : undefined);
  if (isObject(platforms)) {
    for (const [id, saved] of Object.entries(platforms)) {
      instances.set(id, isObject(saved) ? { url: textOrNull(saved['url']), name: textOrNull(saved['name']), secretHeaders: secretHeadersFor(id) } : { url: null, name: null, secretHeaders: [] });
    }
  }
  const agents = document['agents'];
  return {
    file,
    instances,
    keychainTimeoutMs: timeoutOf(document['keychain']),
    agentConfigPath: (agentId) => {
      const agent = isObject(agents) && Object.hasOwn(agents, agentId) ? agents[agentId] : undefined;
      return isObject(agent) ? textOrNull(agent['configPath']) : null;
    },
  };
}

/** Every instance id whose key may be in the keychain: the built-in platforms, and each saved connection. */
export function instanceIdsOf(settings: SettingsView): string[] {
  return [...new Set<string>([...BUILT_IN_PLATFORM_IDS, ...settings.instances.keys()])];
}
