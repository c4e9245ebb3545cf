// `pnpm start`: build, then run the app in Electron, or say in one line why it cannot run here.
// No native rebuild step: keytar, the one native module, is a Node-API addon, which Electron loads as `pnpm install` built it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const MISSING_BINARY =
  'Electron\'s binary is not installed on this machine (it could not be downloaded here). Run "pnpm start:browser" to use Switchboard in your browser.';

function electronViteCli() {
  // electron-vite's exports do not include its bin, but they do include package.json.
  return join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
}

const binary = findElectronBinary();
if (binary === null) {
  console.error(MISSING_BINARY);
  process.exit(1);
}

const build = spawnSync(process.execPath, [electronViteCli(), 'build'], { cwd: appDir, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// With this set, the binary would run as plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const electron = spawn(binary, [appDir], { cwd: appDir, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!electron.killed) electron.kill(signal);
  });
}
electron.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
electron.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
