#!/usr/bin/env node
// The CLI is TypeScript run in place (never built), so this launcher loads tsx
// into this same process rather than starting a second node: signals and the
// exit status then need no relaying. tsx is found from this file's real
// location, i.e. the Switchboard workspace, wherever switchboard is called from.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('switchboard: cannot load tsx; run `pnpm install` in the Switchboard repository.\n');
  process.exit(125);
}
register();
await import(new URL('../src/main.ts', import.meta.url).href);
