import { normalizeBaseUrl } from '@switchboard/shared';
import { HttpFailure } from '../http/index.js';

/** The normalised base URL a person typed, or an `invalid-url` failure with the sentence to show. */
export function requireUrl(input: string | undefined, options: { keepVersionPath?: boolean } = {}): string {
  const normalized = normalizeBaseUrl(input ?? '', options);
  if (!normalized.ok) throw new HttpFailure('invalid-url', normalized.message);
  return normalized.url;
}
