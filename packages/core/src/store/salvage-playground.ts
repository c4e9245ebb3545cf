import type { z } from 'zod';
import { isSettingsDocument, type SettingsDocument } from './migrations/settings-document.js';
import { KeptDraftSchema, PlaygroundSettingsSchema } from './settings-schema.js';

const MAX_NAME_CHARS = 80;

/** How a notice names one entry: the model and its instance, quoted so a control character in a model id shows as an escape. */
function entryName(what: string, key: string): string {
  const nul = key.indexOf('\u0000');
  const [instanceId, modelId] = nul < 0 ? ['?', key] : [key.slice(0, nul), key.slice(nul + 1)];
  const shown = JSON.stringify(modelId.length > MAX_NAME_CHARS ? `${modelId.slice(0, MAX_NAME_CHARS)}…` : modelId);
  return `${what} of ${shown} on ${JSON.stringify(instanceId.slice(0, MAX_NAME_CHARS))}`;
}

function salvageEntries(value: unknown, schema: z.ZodType, path: string, what: string, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push(path);
    return {};
  }
  const kept: [string, unknown][] = [];
  for (const [key, entry] of Object.entries(value)) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) kept.push([key, parsed.data]);
    else dropped.push(entryName(what, key));
  }
  // fromEntries defines own properties, so a key like "__proto__" stays an entry instead of becoming a prototype.
  return Object.fromEntries(kept);
}

/** The playground's drafts, one by one, and its deadlines: a broken draft costs that draft, and everything else in the file stays. */
export function salvagePlayground(value: unknown, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push('playground');
    return {};
  }
  const salvaged: SettingsDocument = {
    drafts: salvageEntries(value['drafts'], KeptDraftSchema, 'playground.drafts', 'the playground draft', dropped),
  };
  // The deadlines are kept where they are valid; a broken one falls back to its default.
  for (const field of ['firstByteTimeoutMs', 'stallTimeoutMs'] as const) {
    if (value[field] === undefined) continue;
    if (PlaygroundSettingsSchema.shape[field].safeParse(value[field]).success) salvaged[field] = value[field];
    else dropped.push(`playground.${field}`);
  }
  return salvaged;
}
