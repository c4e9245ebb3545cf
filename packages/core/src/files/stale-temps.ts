import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_NAME } from './temp-name.js';

/** Older than this, a temporary file belongs to a write that was killed; a live write finishes in well under a second. */
export const STALE_AFTER_MS = 60_000;

/**
 * Removes temporary files a killed write left beside `path` (its own and its
 * backup's). Only Switchboard's names, and only old ones, so another
 * process's write in progress is never disturbed. Best effort.
 */
export async function removeStaleTemps(path: string, now = Date.now()): Promise<void> {
  const folder = dirname(path);
  const prefixes = [`${basename(path)}.tmp-`, `${basename(path)}.bak.tmp-`, '.switchboard.tmp-'];
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name) || !prefixes.some((prefix) => name.startsWith(prefix) && /^[0-9a-f]+$/.test(name.slice(prefix.length)))) continue;
    const stray = join(folder, name);
    try {
      // unlink removes a link itself, never its target; lstat so a planted link's target's age does not count.
      if (now - (await lstat(stray)).mtimeMs > STALE_AFTER_MS) await unlink(stray);
    } catch {
      // Gone already, or not ours to remove: the write goes on either way.
    }
  }
}
