import type { Model } from '@switchboard/shared';
import { OPENAI_RESPONSES_PACKAGE, type OpencodeModality, type OpencodeModelEntry } from './types.js';

// Prices are stored per million already; this only trims float noise such as 2.4999999999999996.
const tidy = (value: number): number => Number(value.toPrecision(12));

export interface ModelEntryOptions {
  /** The name in opencode's picker, unique in its provider entry (see `uniqueModelNames`); the model's own by default. */
  name?: string;
  /** `responses`: a model only the Responses API can call, written with opencode's OpenAI SDK for it alone. */
  route?: 'chat' | 'responses';
}

/** What the model takes besides text; null when neither images nor PDFs are known either way. */
function inputModalities(model: Model): OpencodeModality[] | null {
  if (model.supportsVision === null && model.supportsPdf === null) return null;
  // An input left unknown is left out, which is what opencode assumes for a model it does not know anyway.
  return ['text', ...(model.supportsVision ? ['image' as const] : []), ...(model.supportsPdf ? ['pdf' as const] : [])];
}

/** One model as opencode wants it, with only what is known about it. */
export function buildModelEntry(model: Model, options: ModelEntryOptions = {}): OpencodeModelEntry {
  const entry: OpencodeModelEntry = { name: options.name ?? (model.name.trim() || model.id) };
  if (model.contextLength !== null && model.maxOutputTokens !== null) {
    entry.limit = { context: model.contextLength, output: model.maxOutputTokens };
  }
  // opencode assumes tool calls work when `tool_call` is absent, so a known "no" must be written.
  if (model.supportsTools !== null) entry.tool_call = model.supportsTools;
  if (model.supportsReasoning !== null) entry.reasoning = model.supportsReasoning;
  const modalities = inputModalities(model);
  if (modalities !== null) {
    // opencode offers to attach files only where `attachment` is true: it follows what the model takes.
    entry.attachment = modalities.length > 1;
    entry.modalities = { input: modalities };
  }
  if (model.inputCostPerMillion !== null && model.outputCostPerMillion !== null) {
    entry.cost = { input: tidy(model.inputCostPerMillion), output: tidy(model.outputCostPerMillion) };
    // opencode's schema has cache prices only inside `cost`, which needs input and output: alone they cannot be written.
    if (model.cacheReadCostPerMillion !== null) entry.cost.cache_read = tidy(model.cacheReadCostPerMillion);
    if (model.cacheWriteCostPerMillion !== null) entry.cost.cache_write = tidy(model.cacheWriteCostPerMillion);
  }
  if (options.route === 'responses') entry.provider = { npm: OPENAI_RESPONSES_PACKAGE };
  return entry;
}
