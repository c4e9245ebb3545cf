import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(appDir, 'scripts', 'start-electron.mjs');
const electronDir = dirname(createRequire(join(appDir, 'package.json')).resolve('electron/package.json'));
// electron's own installer writes path.txt only once it has downloaded the binary.
const binaryInstalled = existsSync(join(electronDir, 'path.txt'));

function runStart(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [script], { cwd: appDir, env, encoding: 'utf8', timeout: 15_000 });
  const output = `${result.stdout}${result.stderr}`.trim();
  return { status: result.status, output };
}

function expectOneLineRefusal({ status, output }: { status: number | null; output: string }): void {
  expect(status).not.toBe(0);
  expect(status).not.toBeNull();
  expect(output.split('\n')).toHaveLength(1);
  expect(output).toContain('pnpm start:browser');
  expect(output).toMatch(/Electron's binary is not installed/);
}

describe('scripts/start-electron.mjs', () => {
  it('prints one line pointing at pnpm start:browser and fails when the binary is not where Electron looks', () => {
    const empty = mkdtempSync(join(tmpdir(), 'switchboard-no-electron-'));
    try {
      expectOneLineRefusal(runStart({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.skipIf(binaryInstalled)(
    'does the same with no override, without trying to download Electron (skipped: this machine HAS the Electron binary)',
    () => {
      const env = { ...process.env };
      delete env.ELECTRON_OVERRIDE_DIST_PATH;
      expectOneLineRefusal(runStart(env));
    },
  );
});
