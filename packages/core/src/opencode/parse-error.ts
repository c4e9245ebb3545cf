import { printParseErrorCode, type ParseError } from 'jsonc-parser';

// Keyed by name: ParseErrorCode is an ambient const enum, which isolatedModules cannot read.
const PHRASES: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'text after the end of the document',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** What a syntax error is and where, e.g. "a comma was expected at line 3, column 7". */
export function syntaxErrorAt(text: string, error: ParseError): string {
  const { line, column } = lineAndColumn(text, error.offset);
  const code = printParseErrorCode(error.error);
  return `${PHRASES[code] ?? code} at line ${line}, column ${column}`;
}

/** A sentence naming the file and where its first syntax error is, so the user can go and fix it. */
export function describeParseError(filePath: string, text: string, error: ParseError): string {
  return `${filePath} is not valid JSON: ${syntaxErrorAt(text, error)}. Switchboard left the file unchanged; fix it (or move it away), then try again.`;
}
