#!/usr/bin/env node
// The CLI is TypeScript run in place (never built), so this launcher loads tsx
// into this same process rather than starting a second node: signals and the
// exit status then need no relaying. tsx is found from this file's real
// location, i.e. the Switchboard workspace, wherever switchboard is called from.
// `switchboard key` goes through tsx's CommonJS hook: an agent runs it for its
// key, and that hook starts in about half the time of the ESM one, which starts
// a loader thread first.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const keyOnly = process.argv[2] === 'key';
let tsx;
try {
  tsx = keyOnly ? require('tsx/cjs/api') : await import('tsx/esm/api');
} catch {
  process.stderr.write('switchboard: cannot load tsx; run `pnpm install` in the Switchboard repository.\n');
  process.exit(125);
}
tsx.register();
const entry = new URL(keyOnly ? '../src/key-main.ts' : '../src/main.ts', import.meta.url);
if (keyOnly) require(fileURLToPath(entry));
else await import(entry.href);
