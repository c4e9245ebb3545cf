import { readFile } from 'node:fs/promises';
import { fail, type Result } from '@switchboard/shared';

/** The config's text, or `null` when there is no file yet (Switchboard will create it). */
export async function readConfigFile(path: string, read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<Result<string | null>> {
  try {
    return { ok: true, value: await read(path) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return { ok: true, value: null };
    const detail = error instanceof Error ? error.message : String(error);
    return fail('config-write', `Could not read ${path} (${detail}), so Switchboard cannot update it. Nothing was written.`);
  }
}
