import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** A write younger than this may still be going on in another process (the browser host and the app share the folder). */
export const STALE_TEMP_AGE_MS = 60_000;

/** atomically, which conf writes through, names its temporary file `<file>.tmp-<10 digits><6 hex>`. */
const tempPattern = (fileName: string) => new RegExp(`^${fileName.replace(/[.]/g, '\\.')}\\.tmp-\\d{10}[a-f0-9]{6}$`);

/**
 * Removes the temporary files a killed write left beside `fileName`, and only
 * those: regular files with the atomic writer's name pattern, older than a
 * minute. Answers the names removed.
 */
export function removeStaleTempFiles(dir: string, fileName: string, now: number): string[] {
  const pattern = tempPattern(fileName);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // A folder that is not there yet has nothing to clean.
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => pattern.test(candidate))) {
    const path = join(dir, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile() || now - stats.mtimeMs < STALE_TEMP_AGE_MS) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Cleaning is a courtesy: a file another process just removed or renamed is not a reason to stop starting.
    }
  }
  return removed;
}
