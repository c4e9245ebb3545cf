import { fail, type Result } from '@switchboard/shared';
import { createTwoFilesPatch } from 'diff';
import { parse, parseTree, type ParseError } from 'jsonc-parser';
import { appendToArray, PARSE_OPTIONS, removeFromArray, setProperty } from './jsonc-edit.js';
import { detectStyle } from './jsonc-style.js';
import { describeParseError } from './parse-error.js';
import { hasPlainKey } from './provider-entry.js';
import { OPENAI_COMPATIBLE_PACKAGE, OPENCODE_SCHEMA_URL, type OpencodeProviderEntry } from './types.js';

export interface ConfigUpdateRequest {
  /** The file as it is now; `null` when it does not exist yet. */
  existingText: string | null;
  /** Only for messages and the diff's labels; nothing is read or written here. */
  filePath: string;
  /** The key under `provider`: `opencodeProviderId(instanceId)`. */
  providerId: string;
  provider: OpencodeProviderEntry;
  /** The chosen model's id on the platform, without the `<platform>/` prefix. */
  modelId: string;
  smallModelId?: string | null;
}

export interface ConfigUpdatePlan {
  /** The whole file as it would be written. */
  text: string;
  /** Unified diff from the current file to `text`, labelled with the path; empty when nothing changes. */
  diff: string;
  changed: boolean;
  /** The provider carries a key itself rather than an `{env:…}` reference: warn, and write owner-only. */
  keyInPlainText: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Works out the new text of opencode's config: `$schema`, `provider.<providerId>`,
 * `model`, optionally `small_model`, and the provider in `enabled_providers`
 * when (and only when) the file already has that list. The document is edited,
 * not rebuilt, so other settings, comments and formatting stay as they were.
 * Pure: reading and writing the file are someone else's job.
 */
export function planConfigUpdate(request: ConfigUpdateRequest): Result<ConfigUpdatePlan> {
  const { existingText, filePath, providerId, provider, modelId, smallModelId } = request;
  for (const id of [modelId, smallModelId ?? null]) {
    if (id !== null && !Object.hasOwn(provider.models, id)) {
      return fail('config-invalid', `"${id}" is not one of the chat models of ${provider.name}, so opencode could not use it. Pick another model.`);
    }
  }
  const settings = {
    model: `${providerId}/${modelId}`,
    ...(smallModelId ? { small_model: `${providerId}/${smallModelId}` } : {}),
  };

  let text: string;
  if (existingText === null || existingText.trim() === '') {
    text = `${JSON.stringify({ $schema: OPENCODE_SCHEMA_URL, provider: { [providerId]: provider }, ...settings }, null, 2)}\n`;
  } else {
    const edited = editExisting(existingText, filePath, providerId, provider, settings);
    if (!edited.ok) return edited;
    text = edited.value;
  }

  const changed = text !== existingText;
  const diff = changed
    ? createTwoFilesPatch(existingText === null ? '/dev/null' : filePath, filePath, existingText ?? '', text, undefined, undefined, {
        headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
      })
    : '';
  return { ok: true, value: { text, diff, changed, keyInPlainText: hasPlainKey(provider) } };
}

function editExisting(
  original: string,
  filePath: string,
  providerId: string,
  provider: OpencodeProviderEntry,
  settings: Record<string, string>,
): Result<string> {
  const errors: ParseError[] = [];
  const root = parseTree(original, errors, PARSE_OPTIONS);
  const firstError = errors[0];
  if (firstError) return fail('config-invalid', describeParseError(filePath, original, firstError));
  // undefined: the file holds only comments; the object is added after them.
  if (root !== undefined && root.type !== 'object') {
    return fail('config-invalid', `${filePath} does not hold a JSON object at the top level, so Switchboard left it unchanged. Fix it by hand, then try again.`);
  }
  const config: unknown = parse(original, [], PARSE_OPTIONS) ?? {};
  if (!isObject(config)) return fail('config-invalid', `${filePath} does not hold a JSON object at the top level.`);
  const wrongShape = (key: string, expected: string) =>
    fail('config-invalid', `"${key}" in ${filePath} is not ${expected}, so Switchboard left the file unchanged. Fix it by hand, then try again.`);
  if (config['provider'] !== undefined && !isObject(config['provider'])) return wrongShape('provider', 'an object');
  const enabled = config['enabled_providers'];
  if (enabled !== undefined && !Array.isArray(enabled)) return wrongShape('enabled_providers', 'a list');
  const disabled = config['disabled_providers'];
  if (disabled !== undefined && !Array.isArray(disabled)) return wrongShape('disabled_providers', 'a list');
  const existing = isObject(config['provider']) ? config['provider'][providerId] : undefined;
  if (existing !== undefined && !(isObject(existing) && existing['npm'] === OPENAI_COMPATIBLE_PACKAGE)) {
    // Someone else's entry (settings for one of opencode's own providers, or another SDK's): replacing it would lose them.
    return fail(
      'config-invalid',
      `"provider.${providerId}" in ${filePath} is not an OpenAI-compatible entry like the ones Switchboard writes, so Switchboard left the file unchanged rather than replace it. Move or remove that entry by hand, then write again.`,
    );
  }

  const style = detectStyle(original);
  let text = original;
  // opencode adds `$schema` itself when it is missing, rewriting the whole file; adding it here avoids that.
  if (config['$schema'] === undefined) text = setProperty(text, ['$schema'], OPENCODE_SCHEMA_URL, style, 'first');
  text = setProperty(text, ['provider', providerId], provider, style);
  for (const [key, value] of Object.entries(settings)) text = setProperty(text, [key], value, style);
  // Creating the list would switch every other provider off, so it is only ever extended.
  if (Array.isArray(enabled) && !enabled.includes(providerId)) text = appendToArray(text, ['enabled_providers'], providerId, style);
  // A platform the user disabled earlier would hide the model just chosen.
  if (Array.isArray(disabled) && disabled.includes(providerId)) text = removeFromArray(text, ['disabled_providers'], providerId);
  return { ok: true, value: text };
}
