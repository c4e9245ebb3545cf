import { MAX_TOKEN_LIMIT as MAX_TOKENS, type Model, type ModelLimits } from '@switchboard/shared';
import { formatExact } from './format';

export type ParsedLimit = { ok: true; value: number | null } | { ok: false; message: string };

/** "32768", "32,768", "32 768" -> 32768; empty -> null (unknown). */
export function parseTokenCount(text: string, what: string): ParsedLimit {
  const digits = text.trim().replace(/[\s,_]/g, '');
  if (digits === '') return { ok: true, value: null };
  if (!/^\d+$/.test(digits)) return { ok: false, message: `${what}: type a whole number of tokens, such as 32768.` };
  const value = Number(digits);
  if (value < 1 || value > MAX_TOKENS) return { ok: false, message: `${what}: use a number between 1 and ${formatExact(MAX_TOKENS)}.` };
  return { ok: true, value };
}

export interface LimitDraft {
  context: string;
  output: string;
}

/** The draft as main takes it, or the first thing wrong with it. */
export function limitsFromDraft(draft: LimitDraft): { ok: true; limits: ModelLimits } | { ok: false; message: string } {
  const context = parseTokenCount(draft.context, 'Context window');
  if (!context.ok) return context;
  const output = parseTokenCount(draft.output, 'Output limit');
  if (!output.ok) return output;
  return { ok: true, limits: { contextLength: context.value, maxOutputTokens: output.value } };
}

/** What the fields start with: the limits the user typed before, else nothing. */
export function draftFrom(typed: ModelLimits | undefined): LimitDraft {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return { context: text(typed?.contextLength), output: text(typed?.maxOutputTokens) };
}

/** An empty field's placeholder: what the server says, when it says anything. */
export function limitPlaceholder(model: Model | undefined, field: 'contextLength' | 'maxOutputTokens'): string {
  const value = model?.[field];
  return value != null && model?.sources[field] !== 'user' ? `${formatExact(value)} (from the server)` : 'Unknown';
}

/** "You entered 32,768 tokens of context and 4,096 of output." or null when nothing was typed. */
export function typedLimitsText(typed: ModelLimits | undefined): string | null {
  if (!typed) return null;
  const parts = [
    typed.contextLength !== null ? `a context window of ${formatExact(typed.contextLength)} tokens` : null,
    typed.maxOutputTokens !== null ? `an output limit of ${formatExact(typed.maxOutputTokens)} tokens` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : `You entered ${parts.join(' and ')}.`;
}
