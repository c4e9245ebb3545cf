import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, MAX_PRICE_PER_MILLION, MAX_TOKEN_LIMIT } from '@switchboard/shared';
import { UNPRINTABLE } from '../http/server-text.js';

// Decimal only: Number() would also read "", " ", "0x10" and "1e400" as numbers.
const DECIMAL = /^\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A number, or a string holding a plain decimal one (OpenRouter sends prices as strings). */
function numberFrom(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A token limit (context, output): a whole number from 1 to {@link MAX_TOKEN_LIMIT}, or unknown. */
export function tokenLimit(value: unknown): number | null {
  const parsed = numberFrom(value);
  if (parsed === null) return null;
  const whole = Math.round(parsed);
  return whole >= 1 && whole <= MAX_TOKEN_LIMIT ? whole : null;
}

/** A price given per token, as USD per million tokens; negative (OpenRouter's "-1" for a router), absurd or unreadable is unknown. */
export function pricePerMillion(perToken: unknown): number | null {
  const parsed = numberFrom(perToken);
  if (parsed === null || parsed < 0) return null;
  // Rounded to a millionth of a dollar: per-token floats carry noise such as 2.4999999999999996.
  const perMillion = Math.round(parsed * 1e12) / 1e6;
  return perMillion <= MAX_PRICE_PER_MILLION ? perMillion : null;
}

/** A short label from a server (a mode, a provider, a display name); empty, non-text or absurdly long is unknown. */
export function label(value: unknown): string | null {
  // A test for any visible character rather than trim(): this runs for every field of every model, 10,000 at a time.
  return typeof value === 'string' && value.length <= MAX_LABEL_LENGTH && /\S/.test(value) ? value : null;
}


/**
 * What an admin wrote about a model, as one line of plain text: control
 * characters and direction overrides become spaces, and a text longer than
 * {@link MAX_DESCRIPTION_LENGTH} is cut there with an ellipsis (its start is
 * still what the admin wrote). Markup stays text: the UI never renders it.
 */
export function description(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Cut before cleaning: a megabyte of text costs one slice, not a pass of the pattern over all of it.
  const cut = value.length > MAX_DESCRIPTION_LENGTH;
  let text = (cut ? value.slice(0, MAX_DESCRIPTION_LENGTH) : value).replace(UNPRINTABLE, ' ').trim();
  if (!/\S/.test(text)) return null;
  if (cut) {
    text = text.slice(0, MAX_DESCRIPTION_LENGTH - 1);
    // Never leave half of a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text = `${text.trimEnd()}…`;
  }
  return text;
}

/** true/false as the server said it; anything else is unknown. */
export function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
