import type { Stats } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { FileRefusal, isErrno, notRegularFile, shownPath } from './file-kind.js';

export interface InspectedTarget {
  /** Where the write lands: the path itself, or where its link points now. */
  real: string;
  /** The regular file there, or `null` when there is none yet. */
  stats: Stats | null;
}

/**
 * Looks at a path before anything is opened: a regular file, nothing, or a
 * link to a regular file (followed once, as editors do, so a dotfiles link
 * stays a link). Anything else is refused with a sentence naming the path.
 */
export async function inspectTarget(path: string, role: string): Promise<InspectedTarget> {
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { real: path, stats: null };
    throw error;
  }
  let real = path;
  if (stats.isSymbolicLink()) {
    try {
      real = await realpath(path);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      throw new FileRefusal(`${path} is a link to a file that does not exist, so Switchboard did not create anything through it. Remove the link or create its file, then try again.`);
    }
    stats = await lstat(real);
  }
  if (!stats.isFile()) throw notRegularFile(shownPath(path, real), stats, role);
  return { real, stats };
}

/**
 * A backup is Switchboard's own file: nothing, or a regular file it may
 * replace. A link there was planted by someone else (it would redirect the
 * copy of the user's config), so it is refused rather than followed.
 */
export async function inspectBackup(path: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  if (stats.isFile()) return;
  if (stats.isSymbolicLink()) {
    throw new FileRefusal(
      `${path} is a symbolic link, not a backup Switchboard made, so it did not write through it (that would overwrite whatever the link points at). ` +
        'Remove or rename that link, then try again.',
    );
  }
  throw notRegularFile(path, stats, 'the backup');
}
