import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';
import { fail, type Result } from '@switchboard/shared';

interface WritableHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The part of `node:fs/promises` the writer uses; tests hand in one that fails on purpose. */
export interface ConfigFileSystem {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ mode: number }>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  copyFile(from: string, to: string): Promise<void>;
  open(path: string, flags: string, mode?: number): Promise<WritableHandle>;
  chmod(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export const nodeConfigFileSystem: ConfigFileSystem = nodeFs;

export interface WriteConfigOptions {
  /** Copy the current file to `<path>.bak` first (replacing an older backup). */
  backup?: boolean;
  /** Mode 600 from the moment the temporary file exists: for a file holding a key. */
  ownerOnly?: boolean;
  fs?: ConfigFileSystem;
}

export interface WrittenConfig {
  path: string;
  backupPath: string | null;
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Replaces a config file atomically: the new text goes to a temporary file in
 * the same folder, is flushed to disk, then renamed over the target, so a
 * reader (or a crash) sees the old file or the new one, never half of either.
 * On any failure the temporary file is removed and the old file is untouched.
 * An existing file keeps its permissions; a symlinked one (dotfiles) stays a
 * link and the file it points at is replaced.
 */
export async function writeConfigFile(path: string, text: string, options: WriteConfigOptions = {}): Promise<Result<WrittenConfig>> {
  const fs = options.fs ?? nodeConfigFileSystem;
  const failed = (error: unknown) =>
    fail('config-write', `Could not write ${path}: ${reason(error)}. The file was left as it was.`);

  let target = path;
  let existingMode: number | null = null;
  try {
    target = await fs.realpath(path);
    existingMode = (await fs.stat(target)).mode & 0o777;
  } catch (error) {
    if (!isMissing(error)) return failed(error);
  }

  let backupPath: string | null = null;
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    if (options.backup && existingMode !== null) {
      backupPath = `${path}.bak`;
      await fs.copyFile(target, backupPath);
      // The old file may hold a key of its own: its copy must be no more readable than it was.
      await fs.chmod(backupPath, existingMode);
    }
  } catch (error) {
    return failed(error);
  }

  const temporary = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  const mode = options.ownerOnly ? 0o600 : existingMode;
  try {
    const handle = await fs.open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open()'s mode is narrowed by the umask; chmod sets exactly the mode wanted.
    if (mode !== null) await fs.chmod(temporary, mode);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return failed(error);
  }
  await syncFolder(fs, dirname(target));
  return { ok: true, value: { path, backupPath } };
}

/** Makes the rename itself durable. Best effort: not every platform can open a folder. */
async function syncFolder(fs: ConfigFileSystem, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is already in place; only durability across a power cut is at stake.
  }
}
