import { fail, type Result } from '@switchboard/shared';
import { isAlias, parseDocument, visit, type Document, type YAMLError } from 'yaml';

const LEFT_ALONE = 'Switchboard left the file unchanged; fix it (or move it away), then try again.';

// The library's own messages end with a copy of the line and a caret; the first sentence is what a person needs.
const PHRASES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'a key appears twice in one mapping, and the agent would use only one of them',
  MULTIPLE_DOCS: 'it holds more than one YAML document (a second `---`), and the agent reads a single one',
  BAD_INDENT: 'the indentation is not consistent',
  MISSING_CHAR: 'a closing bracket or quote is missing',
  BAD_ALIAS: 'an alias (*name) is malformed',
  BAD_DIRECTIVE: 'a % directive is malformed',
  TAB_AS_INDENT: 'a tab is used for indentation, which YAML does not allow',
  UNEXPECTED_TOKEN: 'something is out of place',
  RESOURCE_EXHAUSTION: 'it nests lists and mappings far deeper than any config',
};

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/** "…at line 3, column 7" from the library's error, in the words people use. */
function describe(error: YAMLError): string {
  const where = error.linePos?.[0];
  const what = PHRASES[error.code] ?? firstLine(error.message);
  return where ? `${what} at line ${where.line}, column ${where.col}` : what;
}

/**
 * Parses a config file with comments and layout kept in the document. Any
 * error or warning the `yaml` library raises (duplicate keys, a document
 * stream, an unresolved alias, a tab) is `config-invalid` naming the file,
 * the line and the column: a file Switchboard cannot read exactly is one it
 * must not rewrite.
 */
export function parseYamlConfig(text: string, filePath: string): Result<Document.Parsed> {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
  } catch (error) {
    // A recursive descent into pathological nesting ends in a RangeError, not a parse error.
    const reason = error instanceof RangeError ? 'it nests lists and mappings far deeper than any config' : 'the YAML parser gave up on it';
    return fail('config-invalid', `${filePath} cannot be read as YAML: ${reason}. ${LEFT_ALONE}`);
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) return fail('config-invalid', `${filePath} is not valid YAML: ${describe(problem)}. ${LEFT_ALONE}`);
  const dangling = unresolvedAlias(doc, text);
  if (dangling) return fail('config-invalid', `${filePath} is not valid YAML: ${dangling}. ${LEFT_ALONE}`);
  try {
    // The library's default alias budget, which the agent's own reader (the same library) applies too.
    doc.toJS();
  } catch {
    return fail('config-invalid', `${filePath} repeats its aliases (*name) so many times that reading it would expand it far past any config, and the agent would refuse it too. ${LEFT_ALONE}`);
  }
  return { ok: true, value: doc };
}

/** The library reports an alias to no anchor only when the values are read; the agent would fail there. */
function unresolvedAlias(doc: Document.Parsed, text: string): string | null {
  let found: string | null = null;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        const offset = node.range?.[0] ?? 0;
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const col = offset - (before.lastIndexOf('\n') + 1) + 1;
        found = `the alias *${node.source} refers to no anchor at line ${line}, column ${col}`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
