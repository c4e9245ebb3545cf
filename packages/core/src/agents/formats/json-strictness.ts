import { createScanner } from 'jsonc-parser';
import { lineAndColumn } from '../../opencode/parse-error.js';

// jsonc-parser's SyntaxKind values: it is an ambient const enum, which isolatedModules cannot read.
const CLOSE_BRACE = 2;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const WHITESPACE = 15;
const EOF = 17;

interface StrictJsonProblem {
  kind: 'comment' | 'trailing-comma';
  line: number;
  column: number;
}

/**
 * The first thing in `text` that `JSON.parse` refuses but a JSONC parser
 * lets through: a comment (unless `commentsAllowed`, for an agent that strips
 * them first) or a comma right before `}` or `]`. Null when there is none.
 * Found by scanning tokens, so a `//` inside a string is not a comment.
 */
export function strictJsonProblem(text: string, commentsAllowed: boolean): StrictJsonProblem | null {
  const scanner = createScanner(text, false);
  let pendingComma: number | null = null;
  const at = (kind: StrictJsonProblem['kind'], offset: number): StrictJsonProblem => ({ kind, ...lineAndColumn(text, offset) });
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      if (!commentsAllowed) return at('comment', scanner.getTokenOffset());
      continue;
    }
    if (token === WHITESPACE || token === LINE_BREAK) continue;
    if (pendingComma !== null && (token === CLOSE_BRACE || token === CLOSE_BRACKET)) return at('trailing-comma', pendingComma);
    pendingComma = token === COMMA ? scanner.getTokenOffset() : null;
  }
  return null;
}
