import { MAX_KEY_LENGTH } from '@switchboard/shared';

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('');
const PUNCTUATION = PRINTABLE_ASCII.replace(/[A-Za-z0-9 ]/g, '');
const LATIN_1 = Array.from({ length: 0x100 - 0xa0 }, (_, index) => String.fromCharCode(0xa0 + index)).join('');

/** Keys that pass the header-safe check but are easy to mangle on the way into a keychain: each must come back exactly. */
export const UNUSUAL_VALID_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['the longest key allowed', Array.from({ length: MAX_KEY_LENGTH }, (_, index) => PRINTABLE_ASCII[(index * 7) % PRINTABLE_ASCII.length]).join('')],
  ['every printable ASCII punctuation mark', `sk-${PUNCTUATION}`],
  ['every Latin-1 letter and sign, and a no-break space', `sk-${LATIN_1}`],
  ['quotes, backslashes and shell characters', `sk-'";\\$(id)\`rm -rf\`|&>%s%n`],
  ['spaces inside and at both ends', '  sk with spaces  '],
  ['a JSON-looking key', '{"key":"sk-json","n":1}'],
  ['a single character', 'k'],
];
