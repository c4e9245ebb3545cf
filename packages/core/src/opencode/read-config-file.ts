import { fail, type Result } from '@switchboard/shared';
import { decodeUtf8, FileRefusal, readRegularFile, reason, type ReadLimits } from '../files/index.js';

/** An opencode.json is a few KiB; 5 MiB is far past any real one. Reads answer within 3 s or give up. */
export const CONFIG_READ_LIMITS: ReadLimits = { maxBytes: 5 * 1024 * 1024, deadlineMs: 3_000, role: "opencode's config" };

/** The sentence for a config that is not UTF-8, with where the first bad byte is. */
function notUtf8(path: string, at: { offset: number; line: number; column: number }): string {
  return (
    `${path} is not UTF-8 text: an invalid byte sequence at line ${at.line}, column ${at.column} (byte ${at.offset}). ` +
    'Switchboard left the file unchanged; save it as UTF-8, then try again.'
  );
}

/**
 * The config's text (`role` names the file in sentences: "Kilo's config"), or `null` when there is no file yet (Switchboard will
 * create it). Only a regular file is read (a link to one is followed), within
 * a size cap and a deadline, and only if it is UTF-8; a byte-order mark stays.
 */
export async function readConfigFile(path: string, role: string = CONFIG_READ_LIMITS.role): Promise<Result<string | null>> {
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(path, { ...CONFIG_READ_LIMITS, role });
  } catch (error) {
    if (error instanceof FileRefusal) return fail('config-write', `${error.message} Nothing was written.`);
    return fail('config-write', `Could not read ${path} (${reason(error)}), so Switchboard cannot update it. Nothing was written.`);
  }
  if (bytes === null) return { ok: true, value: null };
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, value: decoded.text } : fail('config-invalid', notUtf8(path, decoded));
}
