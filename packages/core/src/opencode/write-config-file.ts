import { closeSync, constants, fchmodSync, openSync } from 'node:fs';
import { mkdir, realpath, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail, type Result, type WrittenConfig } from '@switchboard/shared';
import { writeFile as writeAtomically } from 'atomically';
import { FileRefusal, inspectBackup, inspectTarget, inTurn, readRegularFile, reason, removeStaleTemps, syncFolder, temporaryNameFor, writeNewFile } from '../files/index.js';
import { CONFIG_READ_LIMITS } from './read-config-file.js';

/** The points of a write where a test can make it fail, in the order they come. */
export type WriteStep = 'mkdir' | 'backup' | 'temporary' | 'sync-folder';

/** A seam for tests: `step` runs before each step and may throw, as a full disk or a lost mount would. */
export interface ConfigFileSystem {
  step(name: WriteStep): void;
}

const nodeConfigFileSystem: ConfigFileSystem = { step: () => undefined };

export interface WriteConfigOptions {
  /** Copy the current file to `<path>.bak` first (replacing an older backup). */
  backup?: boolean;
  /** Mode 600 from the moment the temporary file exists: for a file holding a key. */
  ownerOnly?: boolean;
  /** Write only if the file still holds exactly this text (`null`: still absent); checked in turn with other writes. */
  unchangedSince?: string | null;
  fs?: ConfigFileSystem;
  /** What the file is to the user, for the sentences ("Kilo's config"); opencode's by default. */
  role?: string;
}

const ROLE = "opencode's config";

/**
 * Replaces a config file atomically: atomically writes the new text to a
 * temporary file beside it, flushes it and renames it over the target, so a
 * reader (or a crash) sees the old file or the new one, never half of either.
 * Before anything is opened the target and its backup are looked at: only a
 * regular file (or a link to one, written through as editors do) is written,
 * and the backup is Switchboard's own file, never a link. An existing file
 * keeps its permissions and owner. Writes of one file take turns.
 */
export async function writeConfigFile(path: string, text: string, options: WriteConfigOptions = {}): Promise<Result<WrittenConfig>> {
  const key = await realpath(path).catch(() => resolve(path));
  return inTurn(key, async () => {
    try {
      return await writeNow(path, text, options);
    } catch (error) {
      if (error instanceof FileRefusal) return fail('config-write', `${error.message} The file was left as it was.`);
      return fail('config-write', `Could not write ${path}: ${reason(error)}. The file was left as it was.`);
    }
  });
}

async function writeNow(path: string, text: string, options: WriteConfigOptions): Promise<Result<WrittenConfig>> {
  const faults = options.fs ?? nodeConfigFileSystem;
  const role = options.role ?? ROLE;
  const target = await inspectTarget(path, role);
  const backupPath = `${path}.bak`;
  if (options.backup && target.stats) await inspectBackup(backupPath);

  const old = target.stats ? await readRegularFile(target.real, { ...CONFIG_READ_LIMITS, role }) : null;
  if (options.unchangedSince !== undefined) {
    const expected = options.unchangedSince === null ? null : Buffer.from(options.unchangedSince, 'utf8');
    if (old === null ? expected !== null : expected === null || !old.equals(expected)) {
      return fail('config-write', `${path} changed after the preview was made, so nothing was written. Review the change again, then write it.`);
    }
  }
  const existingMode = target.stats ? target.stats.mode & 0o777 : null;

  faults.step('mkdir');
  await mkdir(dirname(target.real), { recursive: true });
  removeStaleTemps(target.real);
  // The backup sits beside the path as given, which for a link is another folder than the file's.
  if (target.real !== path) removeStaleTemps(path);
  if (options.backup && old !== null && existingMode !== null) {
    faults.step('backup');
    await writeNewFile(backupPath, old, existingMode);
  }

  const mode = options.ownerOnly ? 0o600 : existingMode;
  let temporary: string | null = null;
  try {
    await writeAtomically(target.real, text, {
      encoding: 'utf8',
      fsync: true,
      ...(mode !== null ? { mode } : {}),
      // atomically opens its temporary file following links; the name is reserved here first, exclusively and without
      // following a link, so what it opens is a fresh regular file of ours. Its mode is set exactly (open()'s mode is
      // narrowed by the umask, and atomically skips chmod for 0666).
      tmpCreate: (forPath: string) => {
        temporary = temporaryNameFor(forPath);
        const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode ?? 0o666);
        try {
          if (mode !== null) fchmodSync(fd, mode);
        } finally {
          closeSync(fd);
        }
        return temporary;
      },
      tmpCreated: () => faults.step('temporary'),
    });
  } catch (error) {
    // atomically removes its temporary file without waiting; the caller must find the folder as it was.
    if (temporary !== null) await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    faults.step('sync-folder');
    await syncFolder(dirname(target.real));
    if (dirname(backupPath) !== dirname(target.real)) await syncFolder(dirname(backupPath));
  } catch {
    // The new file is in place; only durability across a power cut was at stake.
  }
  return { ok: true, value: { path, backupPath: options.backup && old !== null ? backupPath : null } };
}
