import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { App } from 'electron';
import { APP_NAME, resolveUserDataDir } from '@switchboard/core';

/**
 * Points userData (settings, Chromium profile, single-instance lock) at the
 * folder core resolves: `SWITCHBOARD_USER_DATA` when set, so tests and
 * isolated runs never touch the real profile, otherwise the same folder the
 * browser host uses. Electron would otherwise name it after the npm package.
 * Must run before `ready` and before the lock is requested.
 */
export function applyUserDataDir(app: Pick<App, 'setName' | 'setPath'>, env: NodeJS.ProcessEnv): string {
  app.setName(APP_NAME);
  const folder = resolve(resolveUserDataDir(env));
  // Electron refuses a relative path or a folder that does not exist yet.
  mkdirSync(folder, { recursive: true });
  app.setPath('userData', folder);
  return folder;
}
