import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Makes a rename in `folder` durable across a power cut. atomically flushes
 * the file but not its folder, so this stays hand-written. Best effort: not
 * every platform can open a folder.
 */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is already in place; only durability across a power cut is at stake.
  }
}
