import { join } from 'node:path';
import { fail, parseInstanceId, type InstanceId, type Result } from '@switchboard/shared';
import type { AgentEntry, AgentTarget, EntryInFile } from '../agent-target.js';
import { editJsonSettings, nodeAt, notAnObject, parseJsonSettings, stringAt, type JsonDialect, type JsonEdit } from '../formats/json-strict.js';
import { lineAndColumn } from '../../opencode/parse-error.js';

const DIALECT: JsonDialect = { agent: 'Claude Code', comments: false };

/** Claude Code reads its user settings from this folder's settings.json; the variable moves the whole folder. */
const CONFIG_DIR_ENV = 'CLAUDE_CONFIG_DIR';

/**
 * Variables that carry a key themselves and win over `apiKeyHelper` in Claude
 * Code: left in the file, they would send another key to the proxy.
 */
const KEY_VARIABLES = ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'] as const;

/** `switchboard key <instance>`, however the command is spelled before it (a path, quotes, `pnpm`). */
const KEY_HELPER = /(?:^|[\s/\\'"])switchboard(?:\.mjs|\.cmd|\.exe)?['"]?\s+key\s+['"]?([^\s'"]+)['"]?\s*$/;

/**
 * The proxy's root: Claude Code appends `/v1/messages` itself, and a base
 * ending in `/v1` makes it call `/v1/v1/messages`, which the proxy answers
 * with a 404 that Claude reports as a problem with the model.
 */
function anthropicBaseUrl(rootUrl: string): string {
  return rootUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * ANTHROPIC_CUSTOM_HEADERS, one `Name: value` a line: the plain custom
 * headers only, since a secret one would be in the file. A line break in a
 * hand-edited setting would add a header of its own, so such a header is left out.
 */
function customHeaders(entry: AgentEntry): string | undefined {
  const lines = entry.headers.flatMap((header) => (header.secret || /[\r\n]/.test(header.name + header.value) ? [] : [`${header.name}: ${header.value}`]));
  return lines.length === 0 ? undefined : lines.join('\n');
}

function entryEdits(entry: AgentEntry): JsonEdit[] {
  return [
    { path: ['env', 'ANTHROPIC_BASE_URL'], value: anthropicBaseUrl(entry.rootUrl) },
    { path: ['env', 'ANTHROPIC_MODEL'], value: entry.modelId },
    // Removed when no small model is chosen, so an earlier choice does not linger.
    { path: ['env', 'ANTHROPIC_SMALL_FAST_MODEL'], value: entry.smallModelId ?? undefined },
    // Removed when there are none, so headers taken away in Switchboard do not linger.
    { path: ['env', 'ANTHROPIC_CUSTOM_HEADERS'], value: customHeaders(entry) },
    { path: ['apiKeyHelper'], value: entry.keyCommand },
  ];
}

function applyEntry(existing: string | null, entry: AgentEntry, filePath: string): Result<string> {
  const parsed = parseJsonSettings(existing ?? '', filePath, DIALECT);
  if (!parsed.ok) return parsed;
  const edits = entryEdits(entry);
  const shape = notAnObject(parsed.value, filePath, edits, DIALECT.agent);
  if (shape !== null) return fail('config-invalid', shape);
  for (const name of KEY_VARIABLES) {
    const node = nodeAt(parsed.value, ['env', name]);
    if (node === undefined) continue;
    const { line, column } = lineAndColumn(parsed.value.text, node.parent?.offset ?? node.offset);
    return fail(
      'config-invalid',
      `${filePath} sets env.${name} (line ${line}, column ${column}), which Claude Code would send instead of the key Switchboard's apiKeyHelper gives it. ` +
        'Switchboard left the file unchanged; remove that line (the key stays in the keychain), then write again.',
    );
  }
  return { ok: true, value: editJsonSettings(parsed.value, edits) };
}

function readEntry(text: string, filePath: string): Result<EntryInFile | null> {
  const parsed = parseJsonSettings(text, filePath, DIALECT);
  if (!parsed.ok) return parsed;
  const helper = stringAt(parsed.value, ['apiKeyHelper']);
  const instanceId = helper === null ? null : (KEY_HELPER.exec(helper)?.[1] ?? null);
  const modelId = stringAt(parsed.value, ['env', 'ANTHROPIC_MODEL']);
  if (instanceId === null || parseInstanceId(instanceId) === null || modelId === null) return { ok: true, value: null };
  return { ok: true, value: { instanceId: instanceId as InstanceId, modelId } };
}

/**
 * Claude Code: `settings.json` in `~/.claude` (or `CLAUDE_CONFIG_DIR`), strict
 * JSON. Switchboard's entry is the proxy's root, the model (and the small
 * model) in `env`, and `apiKeyHelper`, which runs `switchboard key <instance>`
 * whenever Claude Code needs the key, so the key is never in the file.
 */
export const claudeCodeTarget: AgentTarget = {
  id: 'claude-code',
  displayName: 'Claude Code',
  needs: 'anthropic-messages',
  command: 'claude',
  envOverride: CONFIG_DIR_ENV,
  defaultPath: (env, home) => join(env[CONFIG_DIR_ENV]?.trim() || join(home, '.claude'), 'settings.json'),
  applyEntry,
  readEntry,
  keyRoute:
    "Claude Code's apiKeyHelper runs `switchboard key <platform>`, which prints the key from the keychain each time Claude Code asks for it; `switchboard` must be on the PATH Claude Code sees (packages/cli/README.md). Plain custom headers go in env.ANTHROPIC_CUSTOM_HEADERS; secret ones are not written, as the file would hold them.",
  runCommand: 'claude',
};
