import { findElectronBinary } from '../../apps/desktop/scripts/electron-binary.mjs';

/** The Electron binary, if this machine has one; the reason it will not run otherwise. */
export function electronBinary(): { path: string | null; reason: string } {
  const path = findElectronBinary();
  return path
    ? { path, reason: '' }
    : { path: null, reason: "No Electron binary on this machine (its download is not possible here; the npm package holds no binary)." };
}
