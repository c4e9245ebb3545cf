/** Control characters, and the bidirectional overrides and isolates that can make a text read as something else. */
export const UNPRINTABLE = /[\p{Cc}\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]+/gu;

/** How much of a server's own words an error sentence repeats. */
const MAX_SERVER_TEXT = 200;

/**
 * A server's own words (an error `message`, a `Location`), made safe to put
 * in a sentence: control characters and direction overrides become spaces, the length is capped, and
 * the quotes say whose words they are. Secrets are masked later, at core's
 * boundary, where every known key is at hand.
 */
export function quoteServerText(text: string, max = MAX_SERVER_TEXT): string {
  const flat = text.replace(UNPRINTABLE, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return `"${cut}"`;
}
