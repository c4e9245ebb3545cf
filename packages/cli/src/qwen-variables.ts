import { homedir } from 'node:os';
import { findAgentTarget, platformOf, readAgentFile, resolveAgentPath } from '@switchboard/core';
import type { VariableGroup } from './merge-environment.js';
import type { SettingsView } from './settings-view.js';

/** Qwen Code reads its base URL, key and model from these (its settings name only the model and the sign-in type). */
const QWEN_VARIABLES = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL'] as const;

export type QwenVariables = { group: VariableGroup } | { group: null; notice: string | null };

/**
 * Qwen Code's variables, from Switchboard's entry in Qwen's settings file
 * (the path chosen in Settings › Agents, QWEN_HOME, or `~/.qwen`): the
 * OpenAI-compatible base of the instance it names, that instance's stored key,
 * and the model. No entry means Qwen is not Switchboard's to configure, and
 * nothing is set: these names are read by many other tools. A file that
 * cannot be read, or an entry naming a connection Switchboard no longer has,
 * is said in a notice.
 */
export async function qwenVariables(settings: SettingsView, env: NodeJS.ProcessEnv, keys: ReadonlyMap<string, string>): Promise<QwenVariables> {
  const target = findAgentTarget('qwen-code');
  if (!target) return { group: null, notice: null };
  const home = env['HOME'] || homedir();
  const { configPath } = resolveAgentPath(target, { configPath: settings.agentConfigPath(target.id), sync: null }, env, home);
  const read = await readAgentFile(target, configPath);
  if (!read.ok) return { group: null, notice: `Qwen Code's variables (${QWEN_VARIABLES.join(', ')}) were not set: ${read.error.message}` };
  const entry = read.value;
  if (entry === null) return { group: null, notice: null };
  const url = settings.instances.get(entry.instanceId)?.url ?? null;
  const platform = platformOf(entry.instanceId);
  if (url === null || platform === null) {
    return {
      group: null,
      notice: `Qwen Code's settings (${configPath}) name ${entry.instanceId}, which is not connected in Switchboard, so its variables were not set; connect it, or write Qwen Code's entry again from Settings › Agents.`,
    };
  }
  const key = keys.get(entry.instanceId);
  const values: Record<string, string> = { OPENAI_BASE_URL: platform.openAIBaseUrl(url), OPENAI_MODEL: entry.modelId };
  if (key !== undefined) values['OPENAI_API_KEY'] = key;
  return { group: { names: QWEN_VARIABLES, values } };
}
