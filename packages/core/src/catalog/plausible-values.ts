import { MAX_LABEL_LENGTH, MAX_PRICE_PER_MILLION, MAX_TOKEN_LIMIT } from '@switchboard/shared';

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

/** true/false as the server said it; anything else is unknown. */
export function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
