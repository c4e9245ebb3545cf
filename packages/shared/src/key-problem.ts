// Kept apart from KeyInputSchema so the key field can check a key without loading zod.

/** Longer than any real API key (OpenRouter's are ~73 characters, JWT-style keys a few hundred). */
export const MAX_KEY_LENGTH = 4096;

const NAMED: Readonly<Record<number, string>> = {
  0x00: 'a NUL character',
  0x09: 'a tab',
  0x0a: 'a line break (LF)',
  0x0d: 'a carriage return (CR)',
  0x7f: 'a DEL character',
  // Invisible in the field, and common in keys copied from a web page or a chat.
  0x200b: 'a zero-width space (U+200B)',
  0xfeff: 'an invisible byte-order mark (U+FEFF)',
};

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function describeCharacter(code: number): string {
  const named = NAMED[code];
  if (named) return named;
  if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return `the control character ${hex(code)}`;
  return `the character "${String.fromCodePoint(code)}" (${hex(code)})`;
}

/**
 * Why a key cannot be sent as it is, or null. A key travels in an HTTP header,
 * which carries printable Latin-1 only: a pasted line break, NUL or curly quote
 * would otherwise fail deep in the HTTP client (and read as a network error),
 * or be stored cut short. The sentence names the character and its place, never
 * the key.
 */
export function keyProblem(key: string): string | null {
  if (key.length > MAX_KEY_LENGTH) return `The API key is ${key.length} characters long; keys are at most ${MAX_KEY_LENGTH}. Check what was pasted.`;
  let position = 0;
  for (const character of key) {
    position += 1;
    const code = character.codePointAt(0) ?? 0;
    const printable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
    if (!printable) {
      return (
        `The API key contains ${describeCharacter(code)} at position ${position}, which cannot be sent to a server. ` +
        'Paste the key again without it; API keys use plain letters, digits and punctuation.'
      );
    }
  }
  return null;
}
