import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { AgentTarget } from '../agent-target.js';
import { applyProviderEntry, readProviderEntry } from '../formats/jsonc-provider-entry.js';

/**
 * Kilo CLI 7.7.7 reads the file this names after its global config, and it
 * wins over it (its own reference: "env `KILO_CONFIG`: path to an additional
 * config file, loaded after global"), so a person who sets it gets
 * Switchboard's entry there.
 */
const KILO_CONFIG_ENV = 'KILO_CONFIG';

/** The file KILO_CONFIG names, else Kilo's global config: `kilo.jsonc` in its folder when that exists, else `kilo.json`; the folder is under XDG_CONFIG_HOME, as for opencode. */
function kiloConfigPath(env: NodeJS.ProcessEnv, home: string): string {
  const override = env[KILO_CONFIG_ENV]?.trim();
  // Kilo opens the path as given: a relative one from the folder it runs in.
  if (override) return isAbsolute(override) ? override : resolve(override);
  const folder = join(env['XDG_CONFIG_HOME']?.trim() || join(home, '.config'), 'kilo');
  const jsonc = join(folder, 'kilo.jsonc');
  return existsSync(jsonc) ? jsonc : join(folder, 'kilo.json');
}

/**
 * Kilo Code CLI, an opencode fork: the same `provider` format, written by the
 * same planner. Kilo fetches its own providers' model lists unless
 * `enabled_providers` names ours, so that list is created where missing (the
 * user's other ids in it are kept). It has no `$schema` of opencode's.
 */
export const kiloTarget: AgentTarget = {
  id: 'kilo',
  displayName: 'Kilo Code CLI',
  needs: 'chat-completions',
  command: 'kilo',
  envOverride: KILO_CONFIG_ENV,
  defaultPath: kiloConfigPath,
  applyEntry: (existing, entry, filePath) => applyProviderEntry(existing, entry, filePath, { schemaUrl: null, createEnabledProviders: true }),
  readEntry: readProviderEntry,
  keyRoute: 'The provider entry reads the key from an environment variable ({env:LITELLM_API_KEY} and the like), which `switchboard run` sets from the keychain.',
  runCommand: 'pnpm switchboard run -- kilo',
};
