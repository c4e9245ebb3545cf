import { closeSync, constants, copyFileSync, existsSync, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, renameSync, type Stats } from 'node:fs';
import { describeKind } from '../files/file-kind.js';
import { isSettingsDocument, type SettingsDocument } from './migrations/settings-document.js';

/** A settings file is a few KiB; anything this large is not one, and reading it would only stall the start. */
const MAX_STORE_FILE_BYTES = 16 * 1024 * 1024;

export type StoreFileState =
  | { kind: 'missing' }
  | { kind: 'document'; document: SettingsDocument }
  /** A regular file whose content is no store: `reason` completes "It …". */
  | { kind: 'unreadable'; reason: string }
  /** Not a regular file at all: a folder, a pipe, a link. */
  | { kind: 'not-a-file'; reason: string };

function whatItIs(stats: Stats, path: string): string {
  if (stats.isSymbolicLink()) {
    // A link in Switchboard's own folder is not Switchboard's: writing through it would rewrite a file elsewhere.
    let target = 'somewhere else';
    try {
      target = readlinkSync(path);
    } catch {
      // The link vanished meanwhile; the sentence still holds.
    }
    return `is a symbolic link to ${target}, which Switchboard does not follow`;
  }
  return `is ${describeKind(stats)}, not a file`;
}

function describeContent(text: string): StoreFileState {
  if (text.trim() === '') return { kind: 'unreadable', reason: 'is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (isSettingsDocument(parsed)) return { kind: 'document', document: parsed };
  const found = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
  return { kind: 'unreadable', reason: `holds ${found} where settings should be an object` };
}

/**
 * Looks at a store's file without ever blocking or following a link: a FIFO
 * or a folder in its place is reported, never opened for reading.
 */
export function inspectStoreFile(path: string, maxBytes: number = MAX_STORE_FILE_BYTES): StoreFileState {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (!stats.isFile()) return { kind: 'not-a-file', reason: whatItIs(stats, path) };
  // O_NONBLOCK and O_NOFOLLOW: if the file is swapped for a pipe or a link after the lstat, the open neither waits nor follows.
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'not-a-file', reason: 'became a symbolic link while Switchboard looked at it' };
    return { kind: 'unreadable', reason: `cannot be opened (${code ?? String(error)})` };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: 'not-a-file', reason: whatItIs(opened, path) };
    if (opened.size > maxBytes) return { kind: 'unreadable', reason: `is ${opened.size} bytes, far more than such a file ever holds` };
    return describeContent(readFileSync(fd, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

/** A name beside `path` that nothing has yet, so one kept copy never replaces another. */
function keptName(path: string, now: number): string {
  const base = `${path}.invalid-${now}`;
  let candidate = base;
  for (let n = 2; existsSync(candidate) || isLink(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Moves what is at `path` (whatever it is) to a fresh name beside it and answers that name. Nothing is deleted. */
export function moveAside(path: string, now: number): string {
  const kept = keptName(path, now);
  renameSync(path, kept);
  return kept;
}

/** Copies a regular file to a fresh name beside it, before it is rewritten. */
export function copyAside(path: string, now: number): string {
  const kept = keptName(path, now);
  copyFileSync(path, kept, constants.COPYFILE_EXCL);
  return kept;
}
