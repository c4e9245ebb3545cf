import { join } from 'node:path';

/** What core tells the page to run for the key from the keychain. */
export const RUN_COMMAND = 'pnpm switchboard run -- opencode';

/** opencode's global config under a home folder, where core writes it when nothing else is chosen. */
export function globalConfigPath(home: string): string {
  return join(home, '.config', 'opencode', 'opencode.json');
}

/** A diff as `opencode:preview` sends it (jsdiff's two-file patch, secrets masked). */
export const SAMPLE_DIFF = [
  '--- /home/ada/.config/opencode/opencode.json',
  '+++ /home/ada/.config/opencode/opencode.json',
  '@@ -1,3 +1,4 @@',
  ' {',
  '-  "model": "litellm/gpt-4o"',
  '+  "model": "litellm/claude-3-5-sonnet",',
  '+  "small_model": "litellm/gpt-4o"',
  ' }',
  '',
].join('\n');
