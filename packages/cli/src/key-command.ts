import { KeychainError, resolveUserDataDir } from '@switchboard/core/keychain';
import { parseInstanceId } from '@switchboard/shared/instance-id';
import type { CliContext } from './cli-context.js';
import { cliSecretStore } from './keychain-store.js';
import type { RunOutcome } from './run-command.js';
import { readSettingsView } from './settings-view.js';

/** Exit statuses of `switchboard key`, beside 0: a script (or an agent's log) can tell them apart. */
const KEY_EXIT = { noKey: 1, usage: 2, keychain: 125 } as const;

/**
 * `switchboard key <instance-id>`: the stored key on standard output, exactly
 * (no newline: Claude Code's apiKeyHelper and Codex's auth command both trim
 * what they read, and a shell's `$(…)` drops it anyway), and nothing else.
 * Every failure is one line on standard error and nothing on standard output,
 * so an agent never takes a sentence for a key. The key is written nowhere
 * else. An agent runs this for each key it needs, so this path loads only the
 * keychain and a look at the settings file.
 */
export async function printKey(instanceId: string, context: CliContext): Promise<RunOutcome> {
  const parsed = parseInstanceId(instanceId);
  if (!parsed) {
    context.reportError('switchboard: that is not an instance id; use litellm, openrouter or custom:<endpoint id> (for example custom:my-vllm).');
    return { exitCode: KEY_EXIT.usage };
  }
  const settings = readSettingsView(resolveUserDataDir(context.env));
  // An endpoint removed in Switchboard is gone for its agents too, whatever the keychain may still hold.
  if (parsed.platform === 'custom' && !settings.instances.has(instanceId)) {
    context.reportError(`switchboard: Switchboard has no endpoint ${instanceId} (none in ${settings.file}); add it in Settings › Proxy Platforms, or check the id in the agent's config.`);
    return { exitCode: KEY_EXIT.noKey };
  }
  let key: string | null;
  try {
    key = await (context.secrets ?? cliSecretStore(context.env, settings)).get(instanceId);
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error;
    context.reportError(`switchboard: could not read the API key of ${instanceId} from the system keychain. ${error.message}`);
    return { exitCode: KEY_EXIT.keychain };
  }
  if (key === null || key === '') {
    context.reportError(`switchboard: no API key is stored for ${instanceId}; enter one in Switchboard (Settings › Proxy Platforms), then try again.`);
    return { exitCode: KEY_EXIT.noKey };
  }
  context.print(key);
  return { exitCode: 0 };
}
