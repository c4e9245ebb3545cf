import { createKeytarSecretStore, KEYCHAIN_SERVICE, KeychainError, resolveUserDataDir, type SecretStore } from '@switchboard/core';
import { keyEnvironment } from './key-environment.js';
import { parseArgs } from './parse-args.js';
import { instanceIds } from './instance-ids.js';
import { runCommand, type RunOutcome } from './run-command.js';
import { USAGE } from './usage.js';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  print: (text: string) => void;
  reportError: (line: string) => void;
  /** Tests hand in an in-memory store; otherwise the real keychain. */
  secrets?: SecretStore;
}

/**
 * `pnpm switchboard …` runs in the repository root; pnpm says where the user
 * actually was in INIT_CWD, and that is where they meant the command to run.
 */
function commandCwd(env: NodeJS.ProcessEnv, cwd: string): string {
  return env['npm_lifecycle_event'] === 'switchboard' && env['INIT_CWD'] ? env['INIT_CWD'] : cwd;
}

export async function runCli(argv: readonly string[], context: CliContext): Promise<RunOutcome> {
  const request = parseArgs(argv);
  if (request.kind === 'help') {
    context.print(USAGE);
    return { exitCode: 0 };
  }
  if (request.kind === 'usage-error') {
    context.reportError(`switchboard: ${request.message}\n\n${USAGE}`);
    return { exitCode: 2 };
  }
  // SWITCHBOARD_KEYCHAIN_SERVICE exists for tests, which must never read or write the user's own keys.
  const secrets = context.secrets ?? createKeytarSecretStore(context.env['SWITCHBOARD_KEYCHAIN_SERVICE'] || KEYCHAIN_SERVICE);
  let keys: Record<string, string>;
  try {
    keys = await keyEnvironment(secrets, instanceIds(resolveUserDataDir(context.env)));
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error;
    // Its sentence says which it was (not available, locked, denied, timed out); the command never starts without its keys.
    context.reportError(`switchboard: could not read API keys from the system keychain. ${error.message}`);
    return { exitCode: 125 };
  }
  return runCommand(request.command, request.args, {
    env: { ...context.env, ...keys },
    cwd: commandCwd(context.env, context.cwd),
    reportError: context.reportError,
  });
}
