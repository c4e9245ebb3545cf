import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TEMP_NAME } from './temp-name.js';

/** Older than this, a temporary file belongs to a write that was killed; a live write finishes in well under a second. */
export const STALE_AFTER_MS = 60_000;

/**
 * Removes what killed writes left in `folder`: names `isOurs` recognises,
 * older than a minute, so another process's write in progress is never
 * disturbed. Only files and links (unlink removes a link itself, never its
 * target; lstat, so a link's target's age does not count). Best effort;
 * answers the names removed.
 */
export function removeStaleFiles(folder: string, isOurs: (name: string) => boolean, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // A folder that is not there yet has nothing to clean.
  }
  const removed: string[] = [];
  for (const name of names.filter(isOurs)) {
    const stray = join(folder, name);
    try {
      const stats = lstatSync(stray);
      if (!(stats.isFile() || stats.isSymbolicLink()) || now - stats.mtimeMs <= STALE_AFTER_MS) continue;
      unlinkSync(stray);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: cleaning is a courtesy, never a reason to fail.
    }
  }
  return removed;
}

/** The temporary files the config writer's own killed writes left beside `path` (its own and its backup's). */
export function removeStaleTemps(path: string, now = Date.now()): void {
  const prefixes = [`${basename(path)}.tmp-`, `${basename(path)}.bak.tmp-`, '.switchboard.tmp-'];
  const isOurs = (name: string) =>
    TEMP_NAME.test(name) && prefixes.some((prefix) => name.startsWith(prefix) && /^[0-9a-f]+$/.test(name.slice(prefix.length)));
  removeStaleFiles(dirname(path), isOurs, now);
}
