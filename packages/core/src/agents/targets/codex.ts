import { endpointIdOf, fail, parseInstanceId, type InstanceId, type Result } from '@switchboard/shared';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { getStaticTOMLValue } from 'toml-eslint-parser';
import type { AgentEntry, AgentTarget, EntryInFile } from '../agent-target.js';
import { setTomlEntry } from '../formats/toml-edit.js';
import { parseTomlDocument } from '../formats/toml-parse.js';
import { tomlKey, tomlPath, tomlString, tomlStringArray } from '../formats/toml-value.js';
import { authCommandOf } from './codex-auth.js';

const PROVIDER_PREFIX = 'switchboard-';
const CUSTOM_PROVIDER_PREFIX = `${PROVIDER_PREFIX}custom-`;

/**
 * How long Codex waits for `switchboard key`: its default (5 s) is short for
 * a keychain that asks to be unlocked first.
 */
const KEY_TIMEOUT_MS = 30_000;
/** Codex's own default: a key changed in Switchboard reaches a running Codex within five minutes. */
const KEY_REFRESH_MS = 300_000;

/**
 * Codex's provider id for an instance. Prefixed, so it never lands on a
 * provider Codex reserves (`openai`, `ollama`, `lmstudio`: a custom
 * endpoint may well be called "ollama") or on one the person wrote by hand.
 */
export function codexProviderId(instanceId: InstanceId): string {
  const endpointId = endpointIdOf(instanceId);
  return endpointId === null ? `${PROVIDER_PREFIX}${instanceId}` : `${CUSTOM_PROVIDER_PREFIX}${endpointId}`;
}

/** The instance a provider id of ours names, or null for anyone else's. */
function instanceOfProvider(providerId: string): InstanceId | null {
  if (!providerId.startsWith(PROVIDER_PREFIX)) return null;
  const rest = providerId.startsWith(CUSTOM_PROVIDER_PREFIX) ? `custom:${providerId.slice(CUSTOM_PROVIDER_PREFIX.length)}` : providerId.slice(PROVIDER_PREFIX.length);
  return parseInstanceId(rest) === null ? null : (rest as InstanceId);
}

/**
 * A header table of the provider (`http_headers`: name = value;
 * `env_http_headers`: name = the variable Codex reads the value from), as
 * Codex reads it back and as its lines; none where there is no such header.
 */
function headerTable(path: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): { value: Record<string, string> | null; lines: string[] } {
  if (pairs.length === 0) return { value: null, lines: [] };
  // fromEntries defines own keys: a header called "__proto__" stays a header.
  return { value: Object.fromEntries(pairs), lines: ['', `[${tomlPath(path)}]`, ...pairs.map(([name, value]) => `${tomlKey(name)} = ${tomlString(value)}`)] };
}

/** The provider table as Codex will read it back, and the lines that write it. */
function providerTable(entry: AgentEntry): { path: string[]; value: Record<string, unknown>; lines: string[] } {
  const path = ['model_providers', codexProviderId(entry.instanceId)];
  const auth = authCommandOf(entry.keyCommand);
  const plain = headerTable([...path, 'http_headers'], entry.headers.flatMap((header) => (header.secret ? [] : [[header.name, header.value] as const])));
  // A secret header is never written: Codex reads it from the variable `switchboard run` sets from the keychain.
  const secret = headerTable([...path, 'env_http_headers'], entry.headers.flatMap((header) => (header.secret ? [[header.name, header.variable] as const] : [])));
  return {
    path,
    value: {
      name: entry.platformName,
      base_url: entry.openAIBaseUrl,
      wire_api: 'responses',
      auth: { command: auth.command, args: auth.args, timeout_ms: KEY_TIMEOUT_MS, refresh_interval_ms: KEY_REFRESH_MS },
      ...(plain.value === null ? {} : { http_headers: plain.value }),
      ...(secret.value === null ? {} : { env_http_headers: secret.value }),
    },
    lines: [
      `[${tomlPath(path)}]`,
      `name = ${tomlString(entry.platformName)}`,
      `base_url = ${tomlString(entry.openAIBaseUrl)}`,
      // Codex refuses "chat" at start-up; LiteLLM serves /v1/responses.
      'wire_api = "responses"',
      '',
      `[${tomlPath([...path, 'auth'])}]`,
      `command = ${tomlString(auth.command)}`,
      `args = ${tomlStringArray(auth.args)}`,
      `timeout_ms = ${KEY_TIMEOUT_MS}`,
      `refresh_interval_ms = ${KEY_REFRESH_MS}`,
      ...plain.lines,
      ...secret.lines,
    ],
  };
}

const isTable = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function applyEntry(existing: string | null, entry: AgentEntry, filePath: string): Result<string> {
  const text = existing ?? '';
  const parsed = parseTomlDocument(text, filePath);
  if (!parsed.ok) return parsed;
  const table = providerTable(entry);
  const providerId = table.path[1] ?? '';
  const edited = setTomlEntry(
    text,
    parsed.value,
    {
      topLevel: [
        ['model', tomlString(entry.modelId)],
        ['model_provider', tomlString(providerId)],
      ],
      ownedPath: table.path,
      tables: table.lines,
    },
    filePath,
  );
  if (!edited.ok) return edited;
  // What Codex will read must be exactly what was meant: nothing of the person's leaked into the entry, nothing of ours lost.
  const read = getStaticTOMLValue(edited.value.program);
  const providers = read['model_providers'];
  const written = isTable(providers) ? providers[providerId] : undefined;
  if (read['model'] !== entry.modelId || read['model_provider'] !== providerId || !isDeepStrictEqual(written, table.value)) {
    return fail('config-invalid', `Switchboard's entry would not read back as written in ${filePath}, so the file was left unchanged. Check how model, model_provider and model_providers are written there, then try again.`);
  }
  return { ok: true, value: edited.value.text };
}

function readEntry(text: string, filePath: string): Result<EntryInFile | null> {
  const parsed = parseTomlDocument(text, filePath);
  if (!parsed.ok) return parsed;
  const read = getStaticTOMLValue(parsed.value);
  const providerId = read['model_provider'];
  const modelId = read['model'];
  const providers = read['model_providers'];
  if (typeof providerId !== 'string' || typeof modelId !== 'string' || !isTable(providers) || !isTable(providers[providerId])) return { ok: true, value: null };
  const instanceId = instanceOfProvider(providerId);
  return { ok: true, value: instanceId === null ? null : { instanceId, modelId } };
}

/** Codex CLI: `~/.codex/config.toml`, its key fetched by Codex itself through `switchboard key`. */
export const codexTarget: AgentTarget = {
  id: 'codex',
  displayName: 'Codex',
  needs: 'responses',
  command: 'codex',
  envOverride: 'CODEX_HOME',
  defaultPath(env, home) {
    const folder = env['CODEX_HOME'];
    return join(folder !== undefined && folder !== '' ? folder : join(home, '.codex'), 'config.toml');
  },
  applyEntry,
  readEntry,
  keyRoute:
    "Codex runs `switchboard key` itself (the provider's auth command) whenever it needs the key, which stays in your keychain; it is never written into config.toml. `switchboard` must be on the PATH Codex sees (packages/cli/README.md). A secret custom header is read from a variable (env_http_headers): start Codex with `switchboard run -- codex` for it to be set.",
  runCommand: 'codex',
};
