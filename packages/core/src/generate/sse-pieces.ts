import { createParser } from 'eventsource-parser';
import { HttpFailure } from '../http/index.js';
import { MalformedAnswer, readAnswerPiece, type AnswerPiece } from './answer-fields.js';

/** `[DONE]`: the stream says it is complete. */
export const STREAM_DONE = Symbol('stream done');

export interface SseOptions {
  /** The most one event may hold before it is complete, in characters. */
  maxEventChars: number;
  /** Bytes arrived: the deadlines start again. */
  onChunk(): void;
  /** Set when the request was aborted (a deadline, Stop): a read that fails then is that, not a drop. */
  aborted(): boolean;
}

function parseData(data: string): AnswerPiece {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw new MalformedAnswer('a chunk that is not valid JSON');
  }
  return readAnswerPiece(body, 'delta');
}

/**
 * The pieces of a streamed chat completion, parsed with eventsource-parser
 * (events cut across chunks, CRLF, comments such as OpenRouter's keep-alives).
 * Ends with {@link STREAM_DONE} at `[DONE]`, or without it when the stream
 * ended or dropped before. Throws MalformedAnswer, HttpFailure `too-large`,
 * or what a read throws after an abort.
 */
export async function* ssePieces(body: ReadableStream<Uint8Array>, options: SseOptions): AsyncGenerator<AnswerPiece | typeof STREAM_DONE> {
  const pending: string[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: (event) => pending.push(event.data),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
    // Escapes (\uXXXX) and the JSON around the text can make an event several times its text.
    maxBufferSize: options.maxEventChars * 6 + 64 * 1024,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // The connection dropped mid-answer: a cut-off, unless Switchboard itself closed it.
        if (options.aborted()) throw error;
        return;
      }
      // A last event without its closing blank line ("data: [DONE]\n" at the end of the body) still counts.
      if (chunk.done) parser.feed('\n\n');
      else {
        options.onChunk();
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
      if (overflow) {
        throw new HttpFailure('too-large', `The model sent one event longer than ${options.maxEventChars.toLocaleString('en-US')} characters, so Switchboard stopped reading. What came before is shown.`);
      }
      for (const data of pending.splice(0)) {
        if (data.trim() === '[DONE]') {
          yield STREAM_DONE;
          return;
        }
        yield parseData(data);
      }
      if (chunk.done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
