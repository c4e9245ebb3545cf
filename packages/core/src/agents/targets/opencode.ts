import { existsSync } from 'node:fs';
import { OPENCODE_CONFIG_ENV, resolveOpencodeConfigPath } from '../../opencode/index.js';
import { OPENCODE_SCHEMA_URL } from '../../opencode/types.js';
import type { AgentTarget } from '../agent-target.js';
import { applyProviderEntry, readProviderEntry } from '../formats/jsonc-provider-entry.js';

/**
 * opencode as one target among the others. Its file, its settings section and
 * its own channels (opencode:*) stay as they were: agents-api sends opencode's
 * preview and write through them, so the plain-key opt-in, Responses-only
 * models and the small model keep working; this adapter is what the Agents
 * tab lists and what the file's entry is read with.
 */
export const opencodeTarget: AgentTarget = {
  id: 'opencode',
  displayName: 'opencode',
  needs: 'chat-completions',
  command: 'opencode',
  envOverride: OPENCODE_CONFIG_ENV,
  defaultPath: (env, home) => resolveOpencodeConfigPath(env, home, existsSync),
  applyEntry: (existing, entry, filePath) => applyProviderEntry(existing, entry, filePath, { schemaUrl: OPENCODE_SCHEMA_URL, createEnabledProviders: false }),
  readEntry: readProviderEntry,
  keyRoute: 'The provider entry reads the key from an environment variable ({env:LITELLM_API_KEY} and the like), which `switchboard run` sets from the keychain.',
  runCommand: 'pnpm switchboard run -- opencode',
};
