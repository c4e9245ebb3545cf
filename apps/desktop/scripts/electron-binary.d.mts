/** Where `require('electron')` would look for the binary, or null when the electron package is not installed. */
export function expectedElectronBinary(): string | null;
/** The Electron binary's path, or null where it was never downloaded. */
export function findElectronBinary(): string | null;
