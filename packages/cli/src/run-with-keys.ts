import { KeychainError, resolveUserDataDir } from '@switchboard/core';
import type { CliContext } from './cli-context.js';
import { headerVariables } from './header-variables.js';
import { keyVariables, storedKeys } from './key-environment.js';
import { cliSecretStore } from './keychain-store.js';
import { mergeEnvironment, type VariableGroup } from './merge-environment.js';
import { qwenVariables } from './qwen-variables.js';
import { runCommand, type RunOutcome } from './run-command.js';
import { instanceIdsOf, readSettingsView } from './settings-view.js';

/**
 * `pnpm switchboard …` runs in the repository root; pnpm says where the user
 * actually was in INIT_CWD, and that is where they meant the command to run.
 */
function commandCwd(env: NodeJS.ProcessEnv, cwd: string): string {
  return env['npm_lifecycle_event'] === 'switchboard' && env['INIT_CWD'] ? env['INIT_CWD'] : cwd;
}

/** `switchboard run [--override] -- <command…>`: the command, with every variable the configured agents need. */
export async function runWithKeys(request: { command: string; args: readonly string[]; override: boolean }, context: CliContext): Promise<RunOutcome> {
  const settings = readSettingsView(resolveUserDataDir(context.env));
  const secrets = context.secrets ?? cliSecretStore(context.env, settings);
  let keys: Map<string, string>;
  let headers: Array<Record<string, string>>;
  try {
    [keys, headers] = await Promise.all([storedKeys(secrets, instanceIdsOf(settings)), headerVariables(secrets, settings)]);
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error;
    // Its sentence says which it was (not available, locked, denied, timed out); the command never starts without its keys.
    context.reportError(`switchboard: could not read API keys from the system keychain. ${error.message}`);
    return { exitCode: 125 };
  }
  const groups: VariableGroup[] = [...keyVariables(keys), ...headers].map((values) => ({ names: Object.keys(values), values }));
  const qwen = await qwenVariables(settings, context.env, keys);
  if (qwen.group) groups.push(qwen.group);
  else if (qwen.notice) context.reportError(`switchboard: ${qwen.notice}`);
  const { env, kept } = mergeEnvironment(context.env, groups, request.override);
  if (kept.length > 0) {
    context.reportError(`switchboard: kept ${kept.join(', ')} as already set in the environment; run with --override to use Switchboard's instead.`);
  }
  return runCommand(request.command, request.args, { env, cwd: commandCwd(context.env, context.cwd), reportError: context.reportError });
}
