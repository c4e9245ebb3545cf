const MASK = '[redacted]';

// Whatever looks like a credential, even one Switchboard was never told about: a bearer token, an OpenAI-style key.
// A shell variable after Bearer (`Bearer $LITELLM_API_KEY`, what a copied curl says) is a name, not a key: masking
// it would leave a command that cannot run.
const TOKEN_PATTERNS: readonly RegExp[] = [/\b(Bearer\s+)(?!\$\{?[A-Z_][A-Z0-9_]*\}?(?![^\s"',;]))[^\s"',;]+/gi, /\bsk-[A-Za-z0-9_-]{6,}/g];

/** Keys shorter than this are not masked by value: masking "ab" would shred every sentence. */
const MIN_SECRET_LENGTH = 4;

/**
 * The one redaction step for text that leaves core: error sentences and log
 * lines. It masks every key Switchboard has seen in this process (typed or
 * read from the keychain) and anything shaped like a token, because a proxy
 * may echo the key it refused, in a message, a redirect or a host name.
 */
export interface Redactor {
  /** A key that has passed through: from now on it is masked wherever it appears. */
  remember(secret: string | null | undefined): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    remember(secret) {
      if (secret && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    redact(text) {
      let result = text;
      // Longest first, so a key that contains another key is masked whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join(MASK);
      for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, (_match, prefix: unknown) => `${typeof prefix === 'string' ? prefix : ''}${MASK}`);
      return result;
    },
  };
}
