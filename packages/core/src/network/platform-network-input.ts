import { fail, NETWORK_LIMITS, type HeaderInput, type Result } from '@switchboard/shared';
import type { HeaderSetting } from '../store/settings-schema.js';
import { checkHeaderName, checkHeaderValue } from './header-rules.js';

/** A header as it will be kept, with what to do with its secret in the keychain. */
export interface CheckedHeader {
  setting: HeaderSetting;
  /** A secret value just typed, to store; null keeps the stored one. */
  newSecret: string | null;
}

/** What the agents' config files would substitute in a written value: opencode's and Kilo's `{env:…}` / `{file:…}`, Continue's `${{ … }}`. */
const AGENT_SUBSTITUTION = /\{(?:env|file):|\$\{\{/i;

/** Names the agents' variables cannot tell apart (`X-Token`, `X_Token`): a secret header becomes SWITCHBOARD_…_HEADER_X_TOKEN either way. */
const variableKey = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

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
    if (seen.has(variableKey(name.value))) {
      return fail('invalid-input', `The ${name.value} header is there twice (header names ignore case, and agents see - and _ alike). Keep one row for it.`);
    }
    seen.add(variableKey(name.value));
    if (!header.secret) {
      const value = checkHeaderValue(name.value, header.value);
      if (!value.ok) return value;
      // Written as it is into agents' files, where it would be expanded: `{file:~/.ssh/id_rsa}` would send that file.
      if (AGENT_SUBSTITUTION.test(value.value)) {
        return fail('invalid-input', `The value of the ${name.value} header looks like an agent's substitution ({env:…}, {file:…} or \${{ … }}), which the agents would expand when they read their config. Mark the header Secret to keep the value as it is, or remove the row.`);
      }
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
