import { fail, type Result } from '@switchboard/shared';
import { FileRefusal, inspectTarget, isErrno } from '../files/index.js';
import { resolveOpencodeConfigPath } from './config-path.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks a config path typed in Settings before it is saved: no control
 * characters (a NUL cuts a path short at the system call), and whatever is
 * there now must be a regular file or nothing, so the choice fails here, with
 * a sentence, rather than at every later preview.
 */
export async function checkChosenConfigPath(chosen: string, home: string, role = "opencode's config"): Promise<Result<string>> {
  const character = CONTROL.exec(chosen)?.[0];
  if (character !== undefined) {
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return fail('invalid-input', `The config path has a control character (${code}) in it, which no file name should hold. Type the path again.`);
  }
  const path = resolveOpencodeConfigPath({}, home, () => false, chosen);
  try {
    await inspectTarget(path, role);
  } catch (error) {
    if (error instanceof FileRefusal) return fail('invalid-input', error.message);
    if (isErrno(error, 'ENOTDIR')) return fail('invalid-input', `${path} cannot be a file: part of the path before it is a file, not a folder. Choose another path.`);
    // Permissions and the like may be fixed before the next write, which reports them itself.
  }
  return { ok: true, value: path };
}
