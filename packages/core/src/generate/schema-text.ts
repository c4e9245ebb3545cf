import { parse, type ParseError } from 'jsonc-parser';
import { HttpFailure } from '../http/index.js';
import { syntaxErrorAt } from '../opencode/parse-error.js';

/**
 * The JSON schema a person typed for a structured answer, as the object to
 * send. Refused before anything is sent, with where the text goes wrong, so
 * the person fixes the schema rather than reading a proxy's 400 about it.
 */
export function parseSchemaText(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  // Strict JSON: the proxy will not accept comments or trailing commas either.
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (first) throw new HttpFailure('invalid-input', `The response schema is not valid JSON: ${syntaxErrorAt(text, first)}. Fix it, or choose another response format.`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpFailure('invalid-input', 'The response schema must be a JSON object (it starts with "{"). Fix it, or choose another response format.');
  }
  return value as Record<string, unknown>;
}
