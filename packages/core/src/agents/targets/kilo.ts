import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentTarget } from '../agent-target.js';
import { applyProviderEntry, readProviderEntry } from '../formats/jsonc-provider-entry.js';

/** Kilo's global config: `kilo.jsonc` in its folder when that exists, else `kilo.json`; the folder is under XDG_CONFIG_HOME, as for opencode. */
function kiloConfigPath(env: NodeJS.ProcessEnv, home: string): string {
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
  envOverride: null,
  defaultPath: kiloConfigPath,
  applyEntry: (existing, entry, filePath) => applyProviderEntry(existing, entry, filePath, { schemaUrl: null, createEnabledProviders: true }),
  readEntry: readProviderEntry,
  keyRoute: 'The provider entry reads the key from an environment variable ({env:LITELLM_API_KEY} and the like), which `switchboard run` sets from the keychain.',
  runCommand: 'pnpm switchboard run -- kilo',
};
