import { join } from 'node:path';
import { BuiltInPlatformIdSchema } from '@switchboard/shared';
import { inspectStoreFile, SETTINGS_FILE_NAME } from '@switchboard/core';

/**
 * The instance id of every connection whose key may be in the keychain: the
 * built-in platforms, plus each instance saved in Switchboard's settings
 * (custom endpoints). The settings file is only looked at, the way the app
 * looks at it at start: never created or repaired, never followed through a
 * link, never waited on if it is a pipe. A missing or broken one just means
 * the built-in platforms.
 */
export function instanceIds(userDataDir: string): string[] {
  const ids = new Set<string>(BuiltInPlatformIdSchema.options);
  let platforms: unknown;
  try {
    const settings = inspectStoreFile(join(userDataDir, `${SETTINGS_FILE_NAME}.json`));
    platforms = settings.kind === 'document' ? settings.document.platforms : undefined;
  } catch {
    // A folder that cannot be looked into: the built-in platforms are still worth looking up.
  }
  if (typeof platforms === 'object' && platforms !== null) {
    for (const id of Object.keys(platforms)) ids.add(id);
  }
  return [...ids];
}
