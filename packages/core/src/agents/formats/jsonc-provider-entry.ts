import { fail, type Result } from '@switchboard/shared';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { duplicateKey, tooDeep } from '../../opencode/document-checks.js';
import { PARSE_OPTIONS } from '../../opencode/jsonc-edit.js';
import { describeParseError } from '../../opencode/parse-error.js';
import { planConfigUpdate } from '../../opencode/plan-config-update.js';
import { envReference } from '../../opencode/api-key-env.js';
import { apiKeyEnvVariable, buildProviderEntry, opencodeProviderId, responsesOnlyLeftOut } from '../../opencode/index.js';
import { OPENAI_COMPATIBLE_PACKAGE } from '../../opencode/types.js';
import { headerValues } from '../agent-entry.js';
import type { AgentEntry, EntryInFile } from '../agent-target.js';
import { instanceOfProvider } from './provider-instance.js';

const BOM = '\uFEFF';

export interface ProviderFileOptions {
  /** `$schema` added where missing, or null for none. */
  schemaUrl: string | null;
  /** Create `enabled_providers` holding our id where the file has no such list. */
  createEnabledProviders: boolean;
}

/**
 * Sets Switchboard's entry in a file of opencode's format (opencode, Kilo):
 * `provider.<id>` with the platform's chat models, `{env:VAR}` for the
 * key, its custom headers (a secret one as `{env:VAR}` too), `model`, `small_model` where one was picked. Built by opencode's own
 * planner, so both agents get the same careful edit.
 */
export function applyProviderEntry(existing: string | null, entry: AgentEntry, filePath: string, options: ProviderFileOptions): Result<string> {
  const provider = buildProviderEntry({
    displayName: entry.platformName,
    baseURL: entry.openAIBaseUrl,
    models: entry.models,
    // AgentEntry's variable is the one `switchboard run` sets; opencode's own name for it is the same.
    apiKey: { kind: 'env', variable: entry.keyVariable || apiKeyEnvVariable(entry.instanceId) },
    headers: headerValues(entry.headers, envReference),
  });
  const plan = planConfigUpdate({
    existingText: existing,
    filePath,
    providerId: opencodeProviderId(entry.instanceId),
    provider,
    modelId: entry.modelId,
    smallModelId: entry.smallModelId !== null && Object.hasOwn(provider.models, entry.smallModelId) ? entry.smallModelId : null,
    responsesOnlyLeftOut: responsesOnlyLeftOut(entry.models, false),
    schemaUrl: options.schemaUrl,
    createEnabledProviders: options.createEnabledProviders,
  });
  return plan.ok ? { ok: true, value: plan.value.text } : plan;
}

/**
 * Switchboard's entry in a file of opencode's format: `model` names
 * `<provider>/<model>` and that provider is an OpenAI-compatible entry of a
 * platform Switchboard knows. Anything else (another provider, opencode's own
 * OpenRouter) is the user's, not ours: null.
 */
export function readProviderEntry(withMark: string, filePath: string): Result<EntryInFile | null> {
  const text = withMark.startsWith(BOM) ? withMark.slice(1) : withMark;
  const deep = tooDeep(filePath, text);
  if (deep !== null) return fail('config-invalid', deep);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  const firstError = errors[0];
  if (firstError) return fail('config-invalid', describeParseError(filePath, text, firstError));
  if (root === undefined) return { ok: true, value: null };
  if (root.type !== 'object') {
    return fail('config-invalid', `${filePath} does not hold a JSON object at the top level, so Switchboard left it unchanged. Fix it by hand, then try again.`);
  }
  const duplicate = duplicateKey(filePath, text, root);
  if (duplicate !== null) return fail('config-invalid', duplicate);
  const at = (...path: string[]): Node | undefined => findNodeAtLocation(root, path);
  const model = at('model')?.value;
  if (typeof model !== 'string') return { ok: true, value: null };
  const slash = model.indexOf('/');
  if (slash <= 0) return { ok: true, value: null };
  const providerId = model.slice(0, slash);
  const instanceId = instanceOfProvider(providerId);
  if (instanceId === null || at('provider', providerId, 'npm')?.value !== OPENAI_COMPATIBLE_PACKAGE) return { ok: true, value: null };
  return { ok: true, value: { instanceId, modelId: model.slice(slash + 1) } };
}
