import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Switchboard';

/**
 * Where settings live: `SWITCHBOARD_USER_DATA` when set, otherwise the folder
 * Electron uses as `userData` for an app named Switchboard, so the browser
 * host and the desktop app share one settings file.
 */
export function resolveUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.SWITCHBOARD_USER_DATA) return env.SWITCHBOARD_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
