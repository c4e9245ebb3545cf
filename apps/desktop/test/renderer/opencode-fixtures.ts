import { join } from 'node:path';

/** What core tells the page to run for the key from the keychain. */
export const RUN_COMMAND = 'pnpm switchboard run -- opencode';

/** opencode's global config under a home folder, where core writes it when nothing else is chosen. */
export function globalConfigPath(home: string): string {
  return join(home, '.config', 'opencode', 'opencode.json');
}
