import { MAX_MODEL_ID_LENGTH, type GenerateEvent } from '@switchboard/shared';

/** The `usage` event's figures. */
export type Usage = Omit<Extract<GenerateEvent, { type: 'usage' }>, 'type'>;

/** What one chunk of a stream (or a whole plain answer) says, each field checked on its own. */
export interface AnswerPiece {
  text: string | null;
  reasoning: string | null;
  finishReason: string | null;
  /** The model the proxy says answered. */
  model: string | null;
  usage: Usage | null;
  /** An error the server put where an answer should be (`{"error": …}`): its own words, or a stand-in when it gave none. */
  error: string | null;
}

/** A chunk whose shape is not a chat completion's: the stream cannot be trusted past it. */
export class MalformedAnswer extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = 'MalformedAnswer';
  }
}

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A token count as the contract holds it: a whole number from 0 to 10^12; anything else is unknown. */
function tokens(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e12 ? value : null;
}

/** Short printable text (a finish reason, a model name); anything else is unknown rather than an error. */
function shortLabel(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max && !/\p{Cc}/u.test(value) ? value : null;
}

/** A content part of the array form (`[{"type": "text", "text": "…"}]`, as Mistral sends): its text, or nothing for another kind of part. */
function partText(part: unknown, what: string): string {
  if (!isFields(part) || typeof part.type !== 'string') throw new MalformedAnswer(`${what} that is not text`);
  if (part.type !== 'text') return '';
  if (typeof part.text !== 'string') throw new MalformedAnswer(`${what} that is not text`);
  return part.text;
}

/** Text where text belongs, plain or as content parts; null or absent is "none", any other type means the server is not speaking the API. */
function text(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((part) => partText(part, what)).join('');
  if (typeof value !== 'string') throw new MalformedAnswer(`${what} that is not text`);
  return value;
}

function readUsage(value: unknown): Usage | null {
  if (!isFields(value)) return null;
  const details = isFields(value.completion_tokens_details) ? value.completion_tokens_details : {};
  return {
    promptTokens: tokens(value.prompt_tokens),
    completionTokens: tokens(value.completion_tokens),
    totalTokens: tokens(value.total_tokens),
    reasoningTokens: tokens(details.reasoning_tokens),
  };
}

function readError(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  const message = isFields(value) ? value.message : undefined;
  // Without a message, what it sent (a code, an object) is the best there is; the sentence cuts it short.
  return typeof message === 'string' && message.trim() !== '' ? message : JSON.stringify(value);
}

/**
 * Reads one answer object: a stream chunk (`choices[0].delta`) or a plain
 * answer (`choices[0].message`). Reasoning comes as `reasoning_content`
 * (LiteLLM, DeepSeek) or `reasoning` (OpenRouter). Throws MalformedAnswer.
 */
export function readAnswerPiece(body: unknown, part: 'delta' | 'message'): AnswerPiece {
  if (!isFields(body)) throw new MalformedAnswer('an answer that is not a JSON object');
  const error = readError(body.error);
  if (body.choices !== undefined && !Array.isArray(body.choices)) throw new MalformedAnswer('"choices" that is not a list');
  const choice: unknown = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (choice !== undefined && !isFields(choice)) throw new MalformedAnswer('a choice that is not an object');
  const content: unknown = choice?.[part];
  if (content !== undefined && content !== null && !isFields(content)) throw new MalformedAnswer(`a "${part}" that is not an object`);
  const said = content ?? {};
  return {
    text: text(said.content, 'content'),
    reasoning: text(said.reasoning_content, 'reasoning') ?? text(said.reasoning, 'reasoning'),
    finishReason: shortLabel(choice?.finish_reason, 100),
    model: shortLabel(body.model, MAX_MODEL_ID_LENGTH),
    usage: readUsage(body.usage),
    error,
  };
}
