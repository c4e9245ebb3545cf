import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary, if this machine has one: the npm package throws when its download never happened. */
export function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(new URL('../../apps/desktop/package.json', import.meta.url))('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' };
    return { path: null, reason: 'The electron package is installed but its binary is missing.' };
  } catch (error) {
    return { path: null, reason: `No Electron binary on this machine (${(error as Error).message.split('\n')[0]}).` };
  }
}
