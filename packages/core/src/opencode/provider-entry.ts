import { isChatModel, isWildcardId, type Model } from '@switchboard/shared';
import { envReference } from './api-key-env.js';
import { buildModelEntry } from './model-entry.js';
import { OPENAI_COMPATIBLE_PACKAGE, type ApiKeySource, type OpencodeModelEntry, type OpencodeProviderEntry } from './types.js';

export interface ProviderEntryInput {
  displayName: string;
  /** The URL opencode calls, `/v1` included: the platform's `openAIBaseUrl`. */
  baseURL: string;
  models: readonly Model[];
  apiKey: ApiKeySource;
}

/** An agent can only use chat models; a wildcard route is not a model anyone can call. */
export function isUsableByOpencode(model: Model): boolean {
  return isChatModel(model) && !isWildcardId(model.id);
}

/** The JSON object for `provider.<opencodeProviderId>` in opencode's config. Pure. */
export function buildProviderEntry(input: ProviderEntryInput): OpencodeProviderEntry {
  // fromEntries defines own keys: a model id such as "__proto__" stays a model instead of replacing the prototype.
  const models: Record<string, OpencodeModelEntry> = Object.fromEntries(
    input.models.filter(isUsableByOpencode).map((model) => [model.id, buildModelEntry(model)]),
  );
  const options: OpencodeProviderEntry['options'] = { baseURL: input.baseURL };
  if (input.apiKey.kind === 'env') options.apiKey = envReference(input.apiKey.variable);
  if (input.apiKey.kind === 'plain') options.apiKey = input.apiKey.value;
  return { npm: OPENAI_COMPATIBLE_PACKAGE, name: input.displayName, options, models };
}

/** True when the entry would put a key itself, not a `{env:…}` reference, into the file. */
export function hasPlainKey(provider: OpencodeProviderEntry): boolean {
  const key = provider.options.apiKey;
  return key !== undefined && !/^\{env:[^}]+\}$/.test(key);
}

/** Shown before the user opts in to a key in the file, and wherever that choice is offered. */
export const PLAIN_KEY_WARNING =
  "Writing the API key into opencode's config stores it in plain text on disk, where any program running as you can read it. " +
  'Switchboard then makes the file readable by you only. The safer default is `switchboard run -- opencode`, ' +
  'which hands the key from the keychain to opencode without writing it anywhere.';
