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

// What electron's install script writes to path.txt on each platform.
const PLATFORM_PATHS = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/**
 * Where `require('electron')` would look for the binary, found the way
 * electron's index.js finds it but without requiring it: when the binary is
 * missing, that require starts a download which prints a stack trace and
 * cannot succeed offline. Null when the electron package is not installed.
 */
export function expectedElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const relative = readOrNull(join(packageDir, 'path.txt')) || PLATFORM_PATHS[process.platform] || 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  return override ? join(override, relative) : join(packageDir, 'dist', relative);
}

/** The Electron binary, if this machine has one. */
export function findElectronBinary() {
  const binary = expectedElectronBinary();
  return binary !== null && existsSync(binary) ? binary : null;
}

