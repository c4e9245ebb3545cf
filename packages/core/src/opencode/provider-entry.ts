import { isResponsesOnlyModel, isWildcardId, opencodeRoute, type Model } from '@switchboard/shared';
import { envReference } from './api-key-env.js';
import { buildModelEntry } from './model-entry.js';
import { uniqueModelNames } from './model-names.js';
import { OPENAI_COMPATIBLE_PACKAGE, type ApiKeySource, type OpencodeModelEntry, type OpencodeProviderEntry } from './types.js';

export interface ProviderEntryInput {
  displayName: string;
  /** The URL opencode calls, `/v1` included: the platform's `openAIBaseUrl`. */
  baseURL: string;
  models: readonly Model[];
  apiKey: ApiKeySource;
  /** Also write models that only speak the Responses API (Settings › opencode; off by default). */
  writeResponsesOnly?: boolean;
  /** The platform's custom headers, name → value, a secret one already as `{env:…}`; none: no `headers` key. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * What opencode gets by default: chat models. A wildcard route is not a model
 * anyone can call, and a Responses-only model cannot be called through
 * `/v1/chat/completions`, which is all `@ai-sdk/openai-compatible` speaks.
 */
export function isUsableByOpencode(model: Model): boolean {
  return opencodeRoute(model, false) !== null;
}

/** Ids of the Responses-only models an entry leaves out, so the preview can say so. */
export function responsesOnlyLeftOut(models: readonly Model[], writeResponsesOnly: boolean): string[] {
  return writeResponsesOnly ? [] : models.filter((model) => isResponsesOnlyModel(model) && !isWildcardId(model.id)).map((model) => model.id);
}

/** The JSON object for `provider.<opencodeProviderId>` in opencode's config. Pure. */
export function buildProviderEntry(input: ProviderEntryInput): OpencodeProviderEntry {
  const writeResponsesOnly = input.writeResponsesOnly ?? false;
  const written = input.models.flatMap((model) => {
    const route = opencodeRoute(model, writeResponsesOnly);
    return route === null ? [] : [{ model, route }];
  });
  const names = uniqueModelNames(written.map(({ model }) => model));
  // fromEntries defines own keys: a model id such as "__proto__" stays a model instead of replacing the prototype.
  const models: Record<string, OpencodeModelEntry> = Object.fromEntries(
    written.map(({ model, route }) => {
      const name = names.get(model.id);
      return [model.id, buildModelEntry(model, { route, ...(name === undefined ? {} : { name }) })];
    }),
  );
  const options: OpencodeProviderEntry['options'] = { baseURL: input.baseURL };
  if (input.apiKey.kind === 'env') options.apiKey = envReference(input.apiKey.variable);
  if (input.apiKey.kind === 'plain') options.apiKey = input.apiKey.value;
  if (input.headers !== undefined && Object.keys(input.headers).length > 0) options.headers = { ...input.headers };
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
