/**
 * TOML text for the values and keys Switchboard writes. Strings are always
 * basic strings with every character TOML forbids there escaped, so a model
 * id holding quotes, backslashes or control characters reads back as itself.
 */

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function escapeChar(char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\b':
      return '\\b';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\f':
      return '\\f';
    case '\r':
      return '\\r';
    default:
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  }
}

/** A TOML basic string: `"…"` with quotes, backslashes and control characters (U+0000–U+001F, U+007F) escaped. */
export function tomlString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return `"${value.replace(/["\\\u0000-\u001F\u007F]/g, escapeChar)}"`;
}

/** One key segment: bare where TOML allows it, a quoted key otherwise. */
export function tomlKey(segment: string): string {
  return BARE_KEY.test(segment) ? segment : tomlString(segment);
}

/** A dotted key or table name: `model_providers.switchboard-litellm`. */
export function tomlPath(path: readonly string[]): string {
  return path.map(tomlKey).join('.');
}

/** An array of strings on one line: `["key", "litellm"]`. */
export function tomlStringArray(values: readonly string[]): string {
  return `[${values.map(tomlString).join(', ')}]`;
}
