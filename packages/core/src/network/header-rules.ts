import { NETWORK_LIMITS, fail, type Result } from '@switchboard/shared';

/**
 * Headers Switchboard sets itself, or that HTTP itself owns: a custom one of
 * these would fight the key (authorization), break framing (content-length,
 * transfer-encoding, connection, host), or change what the body or answer
 * is (content-type, accept, accept-encoding). `proxy-authorization` belongs
 * to the proxy settings, which keep its password in the keychain.
 */
const RESERVED = new Set([
  'authorization',
  'proxy-authorization',
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'accept',
  'accept-encoding',
]);

// RFC 9110's token: what a header name may be made of.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Tabs and visible ASCII, plus bytes above 0x7F as fetch allows: no CR, LF, NUL or other control characters.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const shown = (name: string): string => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** A header name a person typed, checked; the answer says what is wrong with it. */
export function checkHeaderName(name: string): Result<string> {
  const trimmed = name.trim();
  if (trimmed === '') return fail('invalid-input', 'A custom header has no name. Type its name (e.g. X-Team) or remove the row.');
  if (trimmed.length > NETWORK_LIMITS.maxHeaderNameChars) {
    return fail('invalid-input', `The header name ${shown(trimmed)} is longer than ${NETWORK_LIMITS.maxHeaderNameChars} characters. Use the name your gateway expects.`);
  }
  if (!TOKEN.test(trimmed)) {
    return fail('invalid-input', `The header name ${shown(trimmed)} has characters a header name cannot have (spaces, colons, quotes, letters outside ASCII). Use letters, digits and dashes, e.g. X-Team.`);
  }
  if (RESERVED.has(trimmed.toLowerCase())) {
    return fail('invalid-input', `Switchboard sets the ${trimmed} header itself, so it cannot be a custom header. Put the key in the key field, and remove this row.`);
  }
  return { ok: true, value: trimmed };
}

/** A header value, checked: a line break in it would let it write headers of its own. Never quoted back, since it may be a secret. */
export function checkHeaderValue(name: string, value: string): Result<string> {
  if (value.length > NETWORK_LIMITS.maxHeaderValueChars) {
    return fail('invalid-input', `The value of the ${name} header is longer than ${NETWORK_LIMITS.maxHeaderValueChars} characters. Check that the right value was pasted.`);
  }
  if (!FIELD_VALUE.test(value)) {
    return fail('invalid-input', `The value of the ${name} header has a line break, a control character or a character outside Latin-1, which a header cannot carry. Paste it again without them.`);
  }
  return { ok: true, value: value.trim() };
}
