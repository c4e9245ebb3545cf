// Where the Electron binary is, if this machine has one. Shared by `pnpm start` and the Playwright config.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * The path `require('electron')` returns, found the way electron's index.js
 * finds it but without requiring it: when the binary is missing, that
 * require starts a download which prints a stack trace and cannot succeed
 * offline.
 */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const relative = readOrNull(join(packageDir, 'path.txt'));
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary = null;
  if (override) binary = join(override, relative || 'electron');
  else if (relative) binary = join(packageDir, 'dist', relative);
  return binary !== null && existsSync(binary) ? binary : null;
}

