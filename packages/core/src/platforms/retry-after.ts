/** Longer than this, a server's Retry-After is not a wait worth promising. */
const MAX_WAIT_SECONDS = 24 * 60 * 60;

/**
 * `Retry-After` (seconds, or an HTTP date) as the end of a sentence, e.g.
 * "; it asks to wait 30 seconds". A value that is absent, unreadable, in the
 * past or absurd says nothing rather than something wrong.
 */
export function describeRetryAfter(header: string | null, now: number = Date.now()): string {
  if (header === null) return '';
  const value = header.trim();
  const seconds = /^\d{1,9}$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS) return '';
  if (seconds < 120) return `; it asks to wait ${seconds} second${seconds === 1 ? '' : 's'}`;
  return `; it asks to wait about ${Math.round(seconds / 60)} minutes`;
}
