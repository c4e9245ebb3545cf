import type { Stats } from 'node:fs';

/** What a path holds, in the words an error sentence uses. */
export function describeKind(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * A file Switchboard refused to touch, with the sentence to show. Thrown by
 * the safe file helpers; callers turn it into their own error kind.
 */
export class FileRefusal extends Error {
  override readonly name = 'FileRefusal';
}

export const isErrno = (error: unknown, code: string): boolean => (error as NodeJS.ErrnoException | null)?.code === code;
export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The sentence for a path that is not a regular file; `role` says which file it was ("the config", "the backup"). */
export function notRegularFile(path: string, stats: Stats, role: string): FileRefusal {
  return new FileRefusal(
    `${path} is ${describeKind(stats)}, not a regular file, so Switchboard will not use it as ${role}. ` +
      'Choose (or put back) a plain file at that path, then try again.',
  );
}

/** How a path reads in a sentence: a link is named with what it points at. */
export const shownPath = (path: string, resolved: string): string => (resolved === path ? path : `${path} (a link to ${resolved})`);
