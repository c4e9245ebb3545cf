import { channels, type SwitchboardApi } from '@switchboard/shared';
import type { Redactor } from '../redact.js';
import type { SecretStore } from '../store/secret-store.js';

type AnyHandler = (input: unknown) => Promise<unknown>;

const typedKey = (input: unknown): string | null => {
  const key = (input as { key?: { mode?: unknown; value?: unknown } } | null)?.key;
  return key?.mode === 'provided' && typeof key.value === 'string' ? key.value : null;
};

type Answer = {
  ok?: unknown;
  error?: { kind: string; message: string; suggestedUrl?: string };
  value?: { warning?: unknown; accessNote?: unknown };
} | null;

type Described = { description?: unknown };

/** A proxy's free text about its models (descriptions) is its own words too: a hostile one could echo the key there. */
function redactDescriptions<T extends { models?: unknown }>(holder: T, redactor: Redactor): T {
  if (!Array.isArray(holder.models)) return holder;
  let changed = false;
  // Most models have no description: one pass, and a copy only when something was masked.
  const models = (holder.models as Described[]).map((model) => {
    if (typeof model?.description !== 'string') return model;
    const masked = redactor.redact(model.description);
    if (masked === model.description) return model;
    changed = true;
    return { ...model, description: masked };
  });
  return changed ? { ...holder, models } : holder;
}

function redactAnswer(answer: unknown, redactor: Redactor): unknown {
  const result = answer as Answer;
  // get-cached-models answers the list itself; fetch-metadata a Result holding it.
  if (result !== null && typeof result === 'object' && 'models' in result) return redactDescriptions(result as { models?: unknown }, redactor);
  if (result?.ok === true && result.value && 'models' in result.value) {
    const value = redactDescriptions(result.value as { models?: unknown }, redactor);
    return value === result.value ? answer : { ...result, value };
  }
  if (result?.ok === false && result.error) {
    const { suggestedUrl } = result.error;
    const error = { ...result.error, message: redactor.redact(result.error.message) };
    // Built from the typed URL, which could hold a pasted key: masked like the sentence, yet kept for the offer.
    if (suggestedUrl !== undefined) error.suggestedUrl = redactor.redact(suggestedUrl);
    return { ...result, error };
  }
  if (result?.ok === true && result.value && (typeof result.value.warning === 'string' || typeof result.value.accessNote === 'string')) {
    const value = { ...result.value };
    if (typeof value.warning === 'string') value.warning = redactor.redact(value.warning);
    // Core's own sentence, naming only known sentinel ids and paths; masked anyway, as every sentence leaving core is.
    if (typeof value.accessNote === 'string') value.accessNote = redactor.redact(value.accessNote);
    return { ...result, value };
  }
  return answer;
}

/**
 * Every channel's answer passes here on its way out of core: error sentences
 * (and warnings, access notes, suggested URLs, model descriptions) have every key this process has seen masked. The typed key
 * of the call itself is remembered first, so even a key that was refused and
 * never stored cannot come back in the sentence about it.
 */
export function withRedaction(api: SwitchboardApi, redactor: Redactor): SwitchboardApi {
  const wrapped: Partial<Record<string, AnyHandler>> = {};
  for (const channel of channels) {
    const handler = api[channel] as AnyHandler;
    wrapped[channel] = async (input) => {
      redactor.remember(typedKey(input));
      return redactAnswer(await handler(input), redactor);
    };
  }
  return wrapped as SwitchboardApi;
}

/** The keychain as core sees it: every key read or written is remembered for redaction. */
export function rememberingSecrets(secrets: SecretStore, redactor: Redactor): SecretStore {
  // Delegates by prototype, so whatever else the store offers stays reachable.
  const store = Object.create(secrets) as SecretStore;
  store.get = async (account) => {
    const secret = await secrets.get(account);
    redactor.remember(secret);
    return secret;
  };
  store.set = async (account, secret) => {
    redactor.remember(secret);
    await secrets.set(account, secret);
  };
  return store;
}
