import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SETTINGS_FILE_NAME } from '@switchboard/core';

const BUILT_IN = ['litellm', 'openrouter'];

/**
 * Every platform whose key may be in the keychain: the built-in ones, plus
 * each platform saved in Switchboard's settings (custom endpoints, by slug).
 * The settings file is only read, never created or repaired: a missing or
 * broken one just means the built-in platforms.
 */
export async function platformIds(userDataDir: string): Promise<string[]> {
  const ids = new Set(BUILT_IN);
  try {
    const settings: unknown = JSON.parse(await readFile(join(userDataDir, `${SETTINGS_FILE_NAME}.json`), 'utf8'));
    const platforms = (settings as { platforms?: unknown } | null)?.platforms;
    if (typeof platforms === 'object' && platforms !== null) {
      for (const id of Object.keys(platforms)) ids.add(id);
    }
  } catch {
    // No settings yet, or unreadable: the built-in platforms are still worth looking up.
  }
  return [...ids];
}
