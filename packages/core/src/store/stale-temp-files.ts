import { removeStaleFiles } from '../files/stale-temps.js';

/** atomically, which conf writes through, names its temporary file `<file>.tmp-<10 digits><6 hex>`. */
const tempPattern = (fileName: string) => new RegExp(`^${fileName.replace(/[.]/g, '\\.')}\\.tmp-\\d{10}[a-f0-9]{6}$`);

/** Removes the temporary files a killed settings write left beside `fileName`, and only those. Answers the names removed. */
export function removeStaleTempFiles(dir: string, fileName: string, now: number): string[] {
  const pattern = tempPattern(fileName);
  return removeStaleFiles(dir, (name) => pattern.test(name), now);
}
