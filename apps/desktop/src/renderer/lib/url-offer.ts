import type { NormalizedUrl } from '@switchboard/shared';

/** An address offered in place of the one typed: the base of a LiteLLM page someone copied, or a URL without its query. */
export interface UrlOffer {
  url: string;
  /** What is wrong with the typed URL, to be announced with the offer; empty where the status line says it already. */
  sentence: string;
  /** Offered after a failed test: taking it tests again at once. */
  retest: boolean;
}

/**
 * While typing, the offer of the URL check (`normalizeBaseUrl`'s suggestion);
 * once the URL is valid, the one the last failed test carried. A platform
 * with a fixed address is never offered another.
 */
export function urlOffer(check: NormalizedUrl, afterTest: string | null, fixed: boolean): UrlOffer | null {
  if (fixed) return null;
  if (!check.ok) return check.suggestion ? { url: check.suggestion, sentence: check.message, retest: false } : null;
  return afterTest !== null && afterTest !== check.url ? { url: afterTest, sentence: '', retest: true } : null;
}
