import { expectedElectronBinary, findElectronBinary } from '../../apps/desktop/scripts/electron-binary.mjs';

/** The Electron binary, if this machine has one; otherwise a reason a reader can check: where it was looked for. */
export function electronBinary(): { path: string | null; reason: string } {
  const path = findElectronBinary();
  if (path) return { path, reason: '' };
  const expected = expectedElectronBinary();
  const where = expected === null ? 'the electron package is not installed' : `there is no file at ${expected}`;
  return {
    path: null,
    reason: `No Electron binary: ${where} (its download cannot run here). Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run these.`,
  };
}
