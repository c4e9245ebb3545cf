import type { GenerateEvent, ProxyError } from '@switchboard/shared';
import { HttpFailure } from '../http/index.js';
import type { AnswerPiece, Usage } from './answer-fields.js';
import type { GenerateLimits } from './generate-types.js';
import { createKeyMask } from './key-mask.js';

type Ending = Extract<GenerateEvent, { type: 'done' }>['ending'];

/** What LiteLLM says about the call in its response headers; null elsewhere. */
export interface CallFacts {
  callId: string | null;
  responseCost: number | null;
}

export interface AnswerEvents {
  /** The events one piece of the answer makes. Throws HttpFailure `too-large` past a cap. */
  take(piece: AnswerPiece): GenerateEvent[];
  /** The closing events: what the key mask held back, the usage, then `done`. */
  end(ending: Ending, call: CallFacts): GenerateEvent[];
  /** The closing events of a failure: what was held back, the usage, then `error`. */
  fail(error: ProxyError): GenerateEvent[];
}

const chars = (count: number) => count.toLocaleString('en-US');

/** Cuts text into events no longer than the cap (masking can make a piece a little longer than it came). */
function split(type: 'delta' | 'reasoning', text: string, max: number): GenerateEvent[] {
  const events: GenerateEvent[] = [];
  for (let start = 0; start < text.length; start += max) events.push({ type, text: text.slice(start, start + max) });
  return events;
}

/**
 * Turns the pieces of one answer into the contract's events, in its order:
 * text and reasoning as they come (the key masked, even split across pieces),
 * then usage, then the end. Counts the time to the first token and holds the
 * caps on one piece and on the whole answer.
 */
export function answerEvents(limits: GenerateLimits, key: string | null, elapsed: () => number): AnswerEvents {
  const masks = { delta: createKeyMask(key), reasoning: createKeyMask(key) };
  let firstTokenMs: number | null = null;
  let total = 0;
  let finishReason: string | null = null;
  let answeredBy: string | null = null;
  let usage: Usage | null = null;

  const emit = (type: 'delta' | 'reasoning', text: string | null): GenerateEvent[] => {
    if (text === null || text === '') return [];
    if (text.length > limits.maxEventChars) {
      throw new HttpFailure('too-large', `The model sent one piece of text of ${chars(text.length)} characters, more than the ${chars(limits.maxEventChars)} Switchboard accepts at once, so it stopped reading. What came before is shown.`);
    }
    total += text.length;
    if (total > limits.maxTotalChars) {
      throw new HttpFailure('too-large', `The answer passed ${chars(limits.maxTotalChars)} characters, so Switchboard stopped reading it. Set a lower output limit to get a shorter answer.`);
    }
    firstTokenMs ??= elapsed();
    return split(type, masks[type].push(text), limits.maxEventChars);
  };

  const closing = (): GenerateEvent[] => [
    ...split('reasoning', masks.reasoning.flush(), limits.maxEventChars),
    ...split('delta', masks.delta.flush(), limits.maxEventChars),
    ...(usage ? [{ type: 'usage' as const, ...usage }] : []),
  ];

  return {
    take(piece) {
      finishReason = piece.finishReason ?? finishReason;
      answeredBy = piece.model ?? answeredBy;
      usage = piece.usage ?? usage;
      return [...emit('reasoning', piece.reasoning), ...emit('delta', piece.text)];
    },
    end(ending, call) {
      return [...closing(), { type: 'done', ending, finishReason, answeredBy, firstTokenMs, totalMs: elapsed(), ...call }];
    },
    fail(error) {
      return [...closing(), { type: 'error', error, totalMs: elapsed() }];
    },
  };
}
