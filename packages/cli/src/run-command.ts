import { spawn, type StdioOptions } from 'node:child_process';

export type RunOutcome = { exitCode: number } | { signal: NodeJS.Signals };

export interface RunCommandOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** `inherit` (the default) gives the command the terminal, as if it ran on its own. */
  stdio?: StdioOptions;
  /** Where Switchboard's own one-line errors go. */
  reportError: (line: string) => void;
}

// A signal sent to switchboard (kill, a closing terminal, a supervisor) is meant for the command.
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Runs a command as a child and reports how it ended. Exit statuses follow
 * env(1): 127 when the command does not exist, 126 when it cannot be run.
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: options.stdio ?? 'inherit' });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    let settled = false;
    const settle = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(outcome);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        options.reportError(`switchboard: ${command}: command not found`);
        settle({ exitCode: 127 });
      } else {
        options.reportError(`switchboard: cannot run ${command}: ${error.message}`);
        settle({ exitCode: 126 });
      }
    });
    child.once('exit', (code, signal) => settle(signal ? { signal } : { exitCode: code ?? 1 }));
  });
}
