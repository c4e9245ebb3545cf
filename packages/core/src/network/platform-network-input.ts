import { fail, NETWORK_LIMITS, type HeaderInput, type Result } from '@switchboard/shared';
import type { HeaderSetting } from '../store/settings-schema.js';
import { checkHeaderName, checkHeaderValue } from './header-rules.js';

/** A header as it will be kept, with what to do with its secret in the keychain. */
export interface CheckedHeader {
  setting: HeaderSetting;
  /** A secret value just typed, to store; null keeps the stored one. */
  newSecret: string | null;
}

/**
 * Checks every header of a platform's network settings before anything is
 * saved: names (a token, not one Switchboard sets, no two alike), values (no
 * line breaks), and a secret kept only when one is stored.
 */
export function checkHeaders(headers: readonly HeaderInput[], storedSecrets: ReadonlySet<string>): Result<CheckedHeader[]> {
  // The contract caps the list too; core checks again, since not every caller went through it.
  if (headers.length > NETWORK_LIMITS.maxHeaders) {
    return fail('invalid-input', `There are ${headers.length} custom headers; at most ${NETWORK_LIMITS.maxHeaders} can be sent. Keep the ones your gateway needs.`);
  }
  const seen = new Set<string>();
  const checked: CheckedHeader[] = [];
  for (const header of headers) {
    const name = checkHeaderName(header.name);
    if (!name.ok) return name;
    const lower = name.value.toLowerCase();
    if (seen.has(lower)) return fail('invalid-input', `The ${name.value} header is there twice. Keep one row for it.`);
    seen.add(lower);
    if (!header.secret) {
      const value = checkHeaderValue(name.value, header.value);
      if (!value.ok) return value;
      checked.push({ setting: { name: name.value, secret: false, value: value.value }, newSecret: null });
      continue;
    }
    const input = header.secretValue;
    if (input.mode === 'none') return fail('invalid-input', `The secret ${name.value} header has no value. Type its value, or remove the row.`);
    if (input.mode === 'stored' && !storedSecrets.has(lower)) {
      return fail('invalid-input', `No value is stored for the secret ${name.value} header. Type its value.`);
    }
    if (input.mode === 'provided') {
      const value = checkHeaderValue(name.value, input.value);
      if (!value.ok) return value;
      checked.push({ setting: { name: name.value, secret: true }, newSecret: value.value });
    } else {
      checked.push({ setting: { name: name.value, secret: true }, newSecret: null });
    }
  }
  return { ok: true, value: checked };
}
