import { constants } from 'node:os';
import { runCli } from './cli.js';

const outcome = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  print: (text) => process.stdout.write(text),
  reportError: (line) => process.stderr.write(`${line}\n`),
});

if ('signal' in outcome) {
  // Die of the same signal, so whoever started switchboard sees what happened to the command.
  process.removeAllListeners(outcome.signal);
  process.kill(process.pid, outcome.signal);
  process.exitCode = 128 + (constants.signals[outcome.signal] ?? 0);
} else {
  process.exitCode = outcome.exitCode;
}
