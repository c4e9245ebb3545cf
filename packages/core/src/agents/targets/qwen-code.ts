import { isAbsolute, join, resolve } from 'node:path';
import { fail, parseInstanceId, type InstanceId, type Result } from '@switchboard/shared';
import type { AgentEntry, AgentTarget, EntryInFile } from '../agent-target.js';
import { editJsonSettings, nodeAt, notAnObject, parseJsonSettings, stringAt, type JsonDialect, type JsonEdit, type JsonSettings } from '../formats/json-strict.js';

const DIALECT: JsonDialect = { agent: 'Qwen Code', comments: true };

/** Qwen Code's folder for its global settings (default `~/.qwen`). */
const HOME_ENV = 'QWEN_HOME';

/**
 * Names the instance in Qwen Code's file. Qwen takes base URL, key and model
 * from OPENAI_* variables (set by `switchboard run`), so nothing else in the
 * file says which platform the entry is for; Qwen's `env` setting is a
 * documented place for a plain string, loaded as a fallback variable.
 */
const QWEN_INSTANCE_VARIABLE = 'SWITCHBOARD_INSTANCE';

/** Where Qwen Code 0.24 looks: QWEN_HOME (`~` and `~/…` meaning the home folder, a relative path from the working folder), else `~/.qwen`. */
function qwenSettingsPath(env: NodeJS.ProcessEnv, home: string): string {
  const configured = env[HOME_ENV]?.trim();
  if (!configured) return join(home, '.qwen', 'settings.json');
  if (configured === '~') return join(home, 'settings.json');
  if (/^~[/\\]/.test(configured)) return join(home, configured.slice(2), 'settings.json');
  return join(isAbsolute(configured) ? configured : resolve(configured), 'settings.json');
}

function entryEdits(entry: AgentEntry): JsonEdit[] {
  return [
    { path: ['security', 'auth', 'selectedType'], value: 'openai' },
    { path: ['model', 'name'], value: entry.modelId },
    { path: ['env', QWEN_INSTANCE_VARIABLE], value: entry.instanceId },
  ];
}

/**
 * The sentence for a file still in Qwen Code's first layout (`"model": "…"`
 * or `"selectedAuthType"` at the top level, no `$version` of 2 or more):
 * Qwen moves those keys on its next start, over what Switchboard would write.
 */
function olderLayout(settings: JsonSettings, filePath: string): string | null {
  const version = nodeAt(settings, ['$version']);
  if (version?.type === 'number' && typeof version.value === 'number' && version.value >= 2) return null;
  const legacy = ['selectedAuthType', 'model'].find((key) => {
    const node = nodeAt(settings, [key]);
    return node !== undefined && node.type !== 'object';
  });
  if (legacy === undefined) return null;
  return (
    `${filePath} is in Qwen Code's older settings layout ("${legacy}" at the top level), which Qwen Code rewrites when it next starts. ` +
    'Switchboard left the file unchanged; start qwen once so that it updates the file, then write again.'
  );
}

function applyEntry(existing: string | null, entry: AgentEntry, filePath: string): Result<string> {
  const parsed = parseJsonSettings(existing ?? '', filePath, DIALECT);
  if (!parsed.ok) return parsed;
  const edits = entryEdits(entry);
  const problem = olderLayout(parsed.value, filePath) ?? notAnObject(parsed.value, filePath, edits, DIALECT.agent);
  if (problem !== null) return fail('config-invalid', problem);
  return { ok: true, value: editJsonSettings(parsed.value, edits) };
}

function readEntry(text: string, filePath: string): Result<EntryInFile | null> {
  const parsed = parseJsonSettings(text, filePath, DIALECT);
  if (!parsed.ok) return parsed;
  const instanceId = stringAt(parsed.value, ['env', QWEN_INSTANCE_VARIABLE]);
  const modelId = stringAt(parsed.value, ['model', 'name']);
  const openai = stringAt(parsed.value, ['security', 'auth', 'selectedType']) === 'openai';
  if (!openai || modelId === null || instanceId === null || parseInstanceId(instanceId) === null) return { ok: true, value: null };
  return { ok: true, value: { instanceId: instanceId as InstanceId, modelId } };
}

/**
 * Qwen Code: `settings.json` in `~/.qwen` (or QWEN_HOME), JSON with comments.
 * Switchboard's entry picks the OpenAI-compatible sign-in and the model, and
 * names the instance; the base URL, the key and the model reach Qwen as
 * OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL from `switchboard run`.
 * Qwen adds `"$version"` to the file itself; it is kept like everything else.
 */
export const qwenCodeTarget: AgentTarget = {
  id: 'qwen-code',
  displayName: 'Qwen Code',
  needs: 'chat-completions',
  command: 'qwen',
  envOverride: HOME_ENV,
  defaultPath: qwenSettingsPath,
  applyEntry,
  readEntry,
  keyRoute: '`switchboard run -- qwen` sets OPENAI_BASE_URL, OPENAI_API_KEY (from the keychain) and OPENAI_MODEL for Qwen Code; its file names only the model and the OpenAI-compatible sign-in.',
  runCommand: 'pnpm switchboard run -- qwen',
};
