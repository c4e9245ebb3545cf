import { fail, type Result } from '@switchboard/shared';
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { configDiff, type ConfigDiff } from './config-diff.js';
import { appendToArray, PARSE_OPTIONS, removeFromArray, setProperty } from './jsonc-edit.js';
import { detectStyle } from './jsonc-style.js';
import { duplicateKey, tooDeep } from './document-checks.js';
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
  /** Models kept out of `provider` because they only speak the Responses API and the user has not asked for them. */
  responsesOnlyLeftOut?: readonly string[];
  /** `$schema` added where missing: opencode's by default; null for an agent with another schema (Kilo). */
  schemaUrl?: string | null;
  /** Create `enabled_providers` with our id where the file has none (Kilo fetches its own providers' lists otherwise). */
  createEnabledProviders?: boolean;
}

export interface ConfigUpdatePlan {
  /** The whole file as it would be written. */
  text: string;
  /** The change from the current file to `text`, labelled with the path; no hunks when nothing changes. */
  diff: ConfigDiff;
  changed: boolean;
  /** The provider carries a key itself rather than an `{env:…}` reference: warn, and write owner-only. */
  keyInPlainText: boolean;
  /** Ids of the models left out as Responses-only, for the preview to say so. */
  responsesOnlyLeftOut: string[];
}

/** Said when the chosen model is one the entry leaves out because it speaks only the Responses API. */
function responsesOnlySentence(id: string, providerName: string): string {
  return (
    `"${id}" speaks only the Responses API, which ${providerName}'s OpenAI-compatible entry in opencode cannot call, so Switchboard leaves opencode's config as it is. ` +
    'Turn on "Also write models that only speak the Responses API" in Settings › opencode, or pick another model.'
  );
}

const BOM = '\uFEFF';

/**
 * Works out the new text of opencode's config: `$schema`, `provider.<providerId>`,
 * `model`, optionally `small_model`, and the provider in `enabled_providers`
 * when (and only when) the file already has that list. The document is edited,
 * not rebuilt, so other settings, comments and formatting stay as they were.
 * Pure: reading and writing the file are someone else's job.
 */
export function planConfigUpdate(request: ConfigUpdateRequest): Result<ConfigUpdatePlan> {
  const { existingText, filePath, providerId, provider, modelId, smallModelId } = request;
  const leftOut = [...(request.responsesOnlyLeftOut ?? [])];
  for (const id of [modelId, smallModelId ?? null]) {
    if (id !== null && !Object.hasOwn(provider.models, id) && leftOut.includes(id)) return fail('config-invalid', responsesOnlySentence(id, provider.name));
    if (id !== null && !Object.hasOwn(provider.models, id)) {
      return fail('config-invalid', `"${id}" is not one of the chat models of ${provider.name}, so opencode could not use it. Pick another model.`);
    }
  }
  const settings = {
    model: `${providerId}/${modelId}`,
    ...(smallModelId ? { small_model: `${providerId}/${smallModelId}` } : {}),
  };

  const schemaUrl = request.schemaUrl === undefined ? OPENCODE_SCHEMA_URL : request.schemaUrl;
  const createEnabled = request.createEnabledProviders ?? false;

  let text: string;
  if (existingText === null || existingText.trim() === '') {
    const fresh = {
      ...(schemaUrl === null ? {} : { $schema: schemaUrl }),
      provider: { [providerId]: provider },
      ...settings,
      ...(createEnabled ? { enabled_providers: [providerId] } : {}),
    };
    text = `${JSON.stringify(fresh, null, 2)}\n`;
  } else {
    const edited = editExisting(existingText, { filePath, providerId, provider, settings, schemaUrl, createEnabled });
    if (!edited.ok) return edited;
    text = edited.value;
  }

  const changed = text !== existingText;
  const diff = configDiff(existingText === null ? '/dev/null' : filePath, filePath, existingText ?? '', text);
  return { ok: true, value: { text, diff, changed, keyInPlainText: hasPlainKey(provider), responsesOnlyLeftOut: leftOut } };
}

interface Edit {
  filePath: string;
  providerId: string;
  provider: OpencodeProviderEntry;
  settings: Record<string, string>;
  schemaUrl: string | null;
  createEnabled: boolean;
}

function editExisting(withMark: string, { filePath, providerId, provider, settings, schemaUrl, createEnabled }: Edit): Result<string> {
  // A byte-order mark is fine in a UTF-8 file, but the parser takes it for a stray character: edit what follows it, keep it.
  const mark = withMark.startsWith(BOM) ? BOM : '';
  const original = withMark.slice(mark.length);
  const deep = tooDeep(filePath, original);
  if (deep !== null) return fail('config-invalid', deep);
  const errors: ParseError[] = [];
  const root = parseTree(original, errors, PARSE_OPTIONS);
  const firstError = errors[0];
  if (firstError) return fail('config-invalid', describeParseError(filePath, original, firstError));
  // undefined: the file holds only comments; the object is added after them.
  if (root !== undefined && root.type !== 'object') {
    return fail('config-invalid', `${filePath} does not hold a JSON object at the top level, so Switchboard left it unchanged. Fix it by hand, then try again.`);
  }
  const duplicate = root === undefined ? null : duplicateKey(filePath, original, root);
  if (duplicate !== null) return fail('config-invalid', duplicate);
  // Read from the tree, not from a parsed object: a "__proto__" key must stay a key, not become a prototype.
  const node = (...path: string[]): Node | undefined => (root === undefined ? undefined : findNodeAtLocation(root, path));
  const listOf = (list: Node | undefined): unknown[] | undefined => (list?.type === 'array' ? (list.children ?? []).map(getNodeValue) : undefined);
  const wrongShape = (key: string, expected: string) =>
    fail('config-invalid', `"${key}" in ${filePath} is not ${expected}, so Switchboard left the file unchanged. Fix it by hand, then try again.`);
  const providers = node('provider');
  if (providers !== undefined && providers.type !== 'object') return wrongShape('provider', 'an object');
  const enabledNode = node('enabled_providers');
  const enabled = listOf(enabledNode);
  if (enabledNode !== undefined && enabled === undefined) return wrongShape('enabled_providers', 'a list');
  const disabledNode = node('disabled_providers');
  const disabled = listOf(disabledNode);
  if (disabledNode !== undefined && disabled === undefined) return wrongShape('disabled_providers', 'a list');
  const existing = node('provider', providerId);
  if (existing !== undefined && !(existing.type === 'object' && node('provider', providerId, 'npm')?.value === OPENAI_COMPATIBLE_PACKAGE)) {
    // Someone else's entry (settings for one of opencode's own providers, or another SDK's): replacing it would lose them.
    return fail(
      'config-invalid',
      `"provider.${providerId}" in ${filePath} is not an OpenAI-compatible entry like the ones Switchboard writes, so Switchboard left the file unchanged rather than replace it. Move or remove that entry by hand, then write again.`,
    );
  }

  const style = detectStyle(original);
  let text = original;
  // opencode adds `$schema` itself when it is missing, rewriting the whole file; adding it here avoids that.
  if (schemaUrl !== null && node('$schema') === undefined) text = setProperty(text, ['$schema'], schemaUrl, style, 'first');
  text = setProperty(text, ['provider', providerId], provider, style);
  for (const [key, value] of Object.entries(settings)) text = setProperty(text, [key], value, style);
  // Creating the list would switch every other provider off, so it is only ever extended (unless the agent needs it, as Kilo does).
  if (enabled !== undefined && !enabled.includes(providerId)) text = appendToArray(text, ['enabled_providers'], providerId, style);
  if (enabled === undefined && createEnabled) text = setProperty(text, ['enabled_providers'], [providerId], style);
  // A platform the user disabled earlier would hide the model just chosen.
  if (disabled !== undefined && disabled.includes(providerId)) text = removeFromArray(text, ['disabled_providers'], providerId);
  return { ok: true, value: mark + text };
}
