import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FileRefusal, isErrno, notRegularFile, shownPath } from './file-kind.js';
import { inspectTarget } from './inspect-target.js';
import { withDeadline } from './with-deadline.js';

export interface ReadLimits {
  maxBytes: number;
  deadlineMs: number;
  /** What the file is to the user ("opencode's config"), for the sentences. */
  role: string;
}

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

function tooLarge(shown: string, size: number, limits: ReadLimits): FileRefusal {
  return new FileRefusal(
    `${shown} is ${size > limits.maxBytes ? `larger than ${mib(limits.maxBytes)}` : mib(size)}, far too large to be ${limits.role}, so Switchboard did not read it. ` +
      'Check that the path chosen in Settings is the right file.',
  );
}

/**
 * The bytes of a regular file, or `null` when nothing is there. A link is
 * followed once (to where it points now); anything that is not a regular file
 * is refused before it is opened, and the open itself neither follows a link
 * swapped in since nor waits on a FIFO, so no read can hold a threadpool
 * thread. Throws {@link FileRefusal} with a sentence, or the system's error.
 */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<Buffer | null> {
  return withDeadline(
    limits.deadlineMs,
    () => new FileRefusal(`Reading ${path} took longer than ${limits.deadlineMs / 1000} s, so Switchboard gave up. Check that the disk or network share holding it answers, then try again.`),
    (onLate) => readNow(path, limits, onLate),
  );
}

async function readNow(path: string, limits: ReadLimits, onLate: (cleanup: () => Promise<void>) => void): Promise<Buffer | null> {
  const { real: resolved, stats: seen } = await inspectTarget(path, limits.role);
  if (seen === null) return null;
  const shown = shownPath(path, resolved);
  if (seen.size > limits.maxBytes) throw tooLarge(shown, seen.size, limits);

  let handle: FileHandle;
  try {
    handle = await open(resolved, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    // ELOOP: a link was put where the file was after it was looked at.
    if (isErrno(error, 'ELOOP')) throw new FileRefusal(`${shown} was replaced by a link while Switchboard read it, so it stopped. Try again.`);
    throw error;
  }
  onLate(() => handle.close());
  try {
    // What was opened is checked, not what was looked at: an editor (or another write) may have renamed a new file into
    // place in between, which is fine; anything but a regular file is not.
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegularFile(shown, opened, limits.role);
    // Read to one byte past the cap: the size looked at may have grown since.
    const buffer = Buffer.alloc(Math.min(opened.size, limits.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) throw tooLarge(shown, filled, limits);
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > limits.maxBytes) throw tooLarge(shown, filled, limits);
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
