import type { CliContext } from './cli-context.js';
import { printKey } from './key-command.js';
import { parseArgs } from './parse-args.js';
import type { RunOutcome } from './run-command.js';
import { USAGE } from './usage.js';

export type { CliContext } from './cli-context.js';

/**
 * Each command loads only what it needs: `key` runs whenever an agent wants
 * its key and must not pay for the catalog, the contract and zod, which `run`
 * (once per session) needs for the agents' files; so `run`'s part is loaded
 * only when asked for.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<RunOutcome> {
  const request = parseArgs(argv);
  switch (request.kind) {
    case 'help':
      context.print(USAGE);
      return { exitCode: 0 };
    case 'usage-error':
      // One line: `key`'s errors land in an agent's log, where a page of usage would bury the cause.
      context.reportError(`switchboard: ${request.message}; see switchboard --help.`);
      return { exitCode: 2 };
    case 'key':
      return printKey(request.instanceId, context);
    case 'run':
      return (await import('./run-with-keys.js')).runWithKeys(request, context);
  }
}
