import { fail, type Result } from '@switchboard/shared';
import { parseTOML, type AST } from 'toml-eslint-parser';

/** The parser's error, as it throws it: a SyntaxError with the position (line 1-based, column 0-based). */
function positionOf(error: unknown): { line: number; column: number } | null {
  if (!(error instanceof SyntaxError)) return null;
  const { lineNumber, column } = error as SyntaxError & { lineNumber?: unknown; column?: unknown };
  return typeof lineNumber === 'number' && typeof column === 'number' ? { line: lineNumber, column: column + 1 } : null;
}

/** The parsed file, or what is wrong and where: "Unterminated string constant at line 3, column 7". */
export function tryParseToml(text: string): { program: AST.TOMLProgram } | { problem: string } {
  try {
    // A byte-order mark (Notepad writes one) is read as a space: Codex's parser skips it, and the offsets stay those of the text.
    return { program: parseTOML(text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text) };
  } catch (error) {
    const where = positionOf(error);
    if (where === null) throw error;
    return { problem: `${(error as Error).message.replace(/\.$/, '')} at line ${where.line}, column ${where.column}` };
  }
}

/**
 * Parses a TOML file, or says why not: a `config-invalid` failure naming the
 * file, what is wrong and where (line and column as editors count them), so
 * the person can go and fix it. `filePath` is how the sentence names it.
 */
export function parseTomlDocument(text: string, filePath: string): Result<AST.TOMLProgram> {
  const parsed = tryParseToml(text);
  if ('program' in parsed) return { ok: true, value: parsed.program };
  return fail('config-invalid', `${filePath} is not valid TOML: ${parsed.problem}. Switchboard left the file unchanged; fix it (or move it away), then try again.`);
}
