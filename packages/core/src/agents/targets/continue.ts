import { fail, parseInstanceId, type InstanceId, type Result } from '@switchboard/shared';
import { join } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { headerValues } from '../agent-entry.js';
import type { AgentEntry, AgentTarget, EntryInFile } from '../agent-target.js';
import { findOurItem, setYamlListItem, type YamlListItemEdit } from '../formats/yaml-edit.js';
import { parseYamlConfig } from '../formats/yaml-parse.js';

const LIST_KEY = 'models';
const NAME_PATTERN = /^Switchboard \((.+)\)$/;

/** Continue refuses a config without `name` and `version`; they are added where missing. */
const REQUIRED = [
  ['name', 'Local Config'],
  ['version', '1.0.0'],
] as const;
/** What a new config.yaml starts with, as Continue writes its own. */
const NEW_FILE = [...REQUIRED, ['schema', 'v1']] as const;

/**
 * Switchboard's item in `models` is the one named `Switchboard (<instance>)`.
 * The name is the marker because it is the one field Continue itself keys
 * on: `cn` remembers the chosen model by name, so a name that carries the
 * instance but not the model keeps that choice across every later Use This
 * Model; Continue drops a second item with the same name, and a person's own
 * model is very unlikely to be called so. The instance in it is how the
 * Agents tab tells which platform the item points at.
 */
const continueItemName = (instanceId: InstanceId): string => `Switchboard (${instanceId})`;

function instanceOfName(name: string): InstanceId | null {
  const inside = NAME_PATTERN.exec(name)?.[1];
  return inside !== undefined && parseInstanceId(inside) !== null ? (inside as InstanceId) : null;
}

/** Continue fills `secrets.<NAME>` from the process environment, which `switchboard run` sets from the keychain. */
const secretReference = (variable: string): string => `\${{ secrets.${variable} }}`;

/** The `models[]` item for an entry, with only what the catalog knows about the model. */
function modelItem(entry: AgentEntry): Record<string, unknown> {
  const model = entry.models.find((candidate) => candidate.id === entry.modelId);
  const options: Record<string, number> = {};
  if (model?.contextLength) options['contextLength'] = model.contextLength;
  if (model?.maxOutputTokens) options['maxTokens'] = model.maxOutputTokens;
  // Continue guesses abilities from model names it knows; a proxy's alias is not one of them.
  const capabilities = [...(model?.supportsTools ? ['tool_use'] : []), ...(model?.supportsVision ? ['image_input'] : [])];
  const headers = headerValues(entry.headers, secretReference);
  return {
    name: continueItemName(entry.instanceId),
    provider: 'openai',
    model: entry.modelId,
    apiBase: entry.openAIBaseUrl,
    apiKey: secretReference(entry.keyVariable),
    roles: ['chat', 'edit', 'apply'],
    ...(capabilities.length > 0 ? { capabilities } : {}),
    ...(Object.keys(options).length > 0 ? { defaultCompletionOptions: options } : {}),
    ...(Object.keys(headers).length > 0 ? { requestOptions: { headers } } : {}),
  };
}

function editFor(entry: AgentEntry): YamlListItemEdit {
  return { listKey: LIST_KEY, isOurName: (name) => instanceOfName(name) !== null, item: modelItem(entry), header: REQUIRED, newFileHeader: NEW_FILE };
}

function readContinueEntry(text: string, filePath: string): Result<EntryInFile | null> {
  const parsed = parseYamlConfig(text, filePath);
  if (!parsed.ok) return parsed;
  const root = parsed.value.contents;
  if (root === null) return { ok: true, value: null };
  if (!isMap(root)) return fail('config-invalid', `${filePath} does not hold a mapping at its top (name:, version:, models:…), so Continue cannot read it. Fix it (or move it away), then try again.`);
  const list = root.get(LIST_KEY, true);
  if (!isSeq(list)) return { ok: true, value: null };
  const ours = findOurItem(list, (name) => instanceOfName(name) !== null);
  if (!ours) return { ok: true, value: null };
  const instanceId = instanceOfName(String(ours.node.get('name')));
  const model = ours.node.get('model');
  if (instanceId === null) return { ok: true, value: null };
  return { ok: true, value: { instanceId, modelId: typeof model === 'string' ? model : '' } };
}

/**
 * Continue's CLI (`cn`): `~/.continue/config.yaml`, or `config.yaml` in
 * CONTINUE_GLOBAL_DIR. Switchboard owns one item of `models`, an OpenAI
 * provider at the platform's `/v1` whose key is `${{ secrets.<VAR> }}`,
 * which Continue reads from the environment `switchboard run` sets.
 */
export const continueTarget: AgentTarget = {
  id: 'continue',
  displayName: 'Continue CLI',
  needs: 'chat-completions',
  command: 'cn',
  envOverride: 'CONTINUE_GLOBAL_DIR',
  defaultPath: (env, home) => join(env['CONTINUE_GLOBAL_DIR']?.trim() || join(home, '.continue'), 'config.yaml'),
  applyEntry: (existing, entry, filePath) => setYamlListItem(existing, editFor(entry), filePath),
  readEntry: readContinueEntry,
  keyRoute: 'The model item reads its key as ${{ secrets.LITELLM_API_KEY }} (and the like), which Continue fills from the environment that `switchboard run` sets from the keychain.',
  runCommand: 'pnpm switchboard run -- cn',
};
