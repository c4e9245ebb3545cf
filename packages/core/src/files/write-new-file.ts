import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { temporaryNameFor } from './temp-name.js';

/**
 * Puts `bytes` at `path` under a fresh name first, created exclusively and
 * without following links (O_CREAT|O_EXCL|O_NOFOLLOW), flushed, then renamed
 * into place. A link planted at `path` is replaced itself, never written
 * through: rename(2) acts on the name, not on what a link there points at.
 * Used for the backup, which is copied bytes rather than an edit.
 */
export async function writeNewFile(path: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temporary = temporaryNameFor(path);
  try {
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    try {
      // open()'s mode is narrowed by the umask; the copy must be exactly as readable as the original, no more, no less.
      await handle.chmod(mode);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
