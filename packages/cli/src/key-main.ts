// `switchboard key`'s entry. bin/switchboard.mjs loads it through tsx's CommonJS hook, which starts
// in a fraction of the time the ESM hook takes (that one starts a loader thread), so nothing on this
// path may use top-level await or import() a TypeScript file.
import { runCli } from './cli.js';
import { finish, processContext } from './process-io.js';

void runCli(process.argv.slice(2), processContext()).then(finish);
