import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createBackend, resolveUserDataDir } from '@switchboard/core';
import { keepServingOnUnexpectedErrors } from './last-resort.js';
import { parsePort } from './parse-port.js';
import { startBrowserHost } from './server.js';

const port = parsePort(process.argv.slice(2));
const userDataDir = resolveUserDataDir(process.env);
const { api, streams } = createBackend({ userDataDir, env: process.env });

const host = await startBrowserHost({
  api,
  streams,
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  token: randomBytes(24).toString('base64url'),
  port,
  log: (line) => console.error(line),
});

// Only once it serves: a failure to start (a port in use) must still end the process with its own message.
keepServingOnUnexpectedErrors((line) => console.error(line));

console.log(`Switchboard UI: ${host.url}`);
console.log(`Settings are kept in ${userDataDir}. Press Ctrl+C to stop.`);
// What opening the settings found (a file kept aside, entries dropped) is said here as well as in the page.
for (const notice of await api['app:get-notices'](undefined)) console.log(`Notice: ${notice.message}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void host.close().then(() => process.exit(0));
  });
}
