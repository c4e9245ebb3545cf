import type { Model } from '@switchboard/shared';
import type { OpencodeModelEntry } from './types.js';

// Prices are stored per million already; this only trims float noise such as 2.4999999999999996.
const tidy = (value: number): number => Number(value.toPrecision(12));

/** One model as opencode wants it, with only what is known about it. */
export function buildModelEntry(model: Model): OpencodeModelEntry {
  const entry: OpencodeModelEntry = { name: model.name.trim() || model.id };
  if (model.contextLength !== null && model.maxOutputTokens !== null) {
    entry.limit = { context: model.contextLength, output: model.maxOutputTokens };
  }
  // opencode assumes tool calls work when `tool_call` is absent, so a known "no" must be written.
  if (model.supportsTools !== null) entry.tool_call = model.supportsTools;
  if (model.supportsReasoning !== null) entry.reasoning = model.supportsReasoning;
  if (model.supportsVision !== null) {
    entry.attachment = model.supportsVision;
    entry.modalities = { input: model.supportsVision ? ['text', 'image'] : ['text'] };
  }
  if (model.inputCostPerMillion !== null && model.outputCostPerMillion !== null) {
    entry.cost = { input: tidy(model.inputCostPerMillion), output: tidy(model.outputCostPerMillion) };
  }
  return entry;
}
