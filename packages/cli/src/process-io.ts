import { constants } from 'node:os';
import type { CliContext } from './cli-context.js';
import type { RunOutcome } from './run-command.js';

/** The CLI's context in a real process: its environment, folder and standard streams. */
export function processContext(): CliContext {
  return {
    env: process.env,
    cwd: process.cwd(),
    print: (text) => process.stdout.write(text),
    reportError: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Ends as the command ended: its exit status, or the signal that killed it. */
export function finish(outcome: RunOutcome): void {
  if ('signal' in outcome) {
    // Die of the same signal, so whoever started switchboard sees what happened to the command.
    process.removeAllListeners(outcome.signal);
    process.kill(process.pid, outcome.signal);
    process.exitCode = 128 + (constants.signals[outcome.signal] ?? 0);
  } else {
    process.exitCode = outcome.exitCode;
  }
}
