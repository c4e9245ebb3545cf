import { constants } from 'node:os';
import type { CliContext } from './cli-context.js';
import type { RunOutcome } from './run-command.js';

/** sysexits' EX_IOERR: the key (or the usage) could not be written, e.g. the reader had gone. */
const OUTPUT_FAILED = 74;

/** The CLI's context in a real process: its environment, folder and standard streams. */
export function processContext(): CliContext {
  // A reader that went away (an agent killed mid-call, `| head -c0`) is said in one line, never a stack trace.
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`switchboard: could not write to standard output (${error.code ?? error.message}); the reader may have closed it.\n`);
    process.exitCode = OUTPUT_FAILED;
  });
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
  } else if (process.exitCode !== OUTPUT_FAILED) {
    process.exitCode = outcome.exitCode;
  }
}
