import { MAX_MODEL_ID_LENGTH, type GenerateEvent } from '@switchboard/shared';

const MASK = '[redacted]';
/** As core's redactor: masking a key of two characters would shred every sentence. */
const MIN_SECRET_LENGTH = 4;

export interface KeyMask {
  /** The text to show now: the key masked, and any tail that could be the start of the key held back. */
  push(text: string): string;
  /** What is held back, at the end of the text. */
  flush(): string;
}

/** Text with every whole occurrence of the key masked (sentences, the curl): for text that arrives whole. */
function maskKey(text: string, key: string | null): string {
  return key === null || key.length < MIN_SECRET_LENGTH ? text : text.split(key).join(MASK);
}

/** The longest end of `text` that is a proper beginning of `key`. */
function heldTail(text: string, key: string): number {
  // Only positions holding the key's first character can start it: a few, not every length up to the key's.
  const first = key.charAt(0);
  for (let start = text.indexOf(first, Math.max(0, text.length - key.length + 1)); start >= 0; start = text.indexOf(first, start + 1)) {
    if (key.startsWith(text.slice(start))) return text.length - start;
  }
  return 0;
}

/**
 * Masks the key in streamed text even when a hostile or careless upstream
 * echoes it split over several pieces ("sk-ab" then "cd…"), which masking
 * each piece alone would miss. Holds back at most the key's length less one.
 */
export function createKeyMask(key: string | null): KeyMask {
  if (key === null || key.length < MIN_SECRET_LENGTH) return { push: (text) => text, flush: () => '' };
  let pending = '';
  return {
    push(text) {
      const masked = (pending + text).split(key).join(MASK);
      const hold = heldTail(masked, key);
      pending = masked.slice(masked.length - hold);
      return masked.slice(0, masked.length - hold);
    },
    flush() {
      const rest = pending;
      pending = '';
      return rest;
    },
  };
}

/** What came whole (a sentence, the curl, the labels of the end): the key masked where a server or a pasted prompt put it. */
export function maskEvent(event: GenerateEvent, key: string | null): GenerateEvent {
  // Masking can lengthen a label ("[redacted]" for a key of four characters): cut back to the contract's bound.
  const label = (text: string | null, max: number) => (text === null ? null : maskKey(text, key).slice(0, max));
  switch (event.type) {
    case 'error':
      return { ...event, error: { ...event.error, message: maskKey(event.error.message, key) } };
    case 'start':
      return { ...event, curl: maskKey(event.curl, key) };
    case 'done':
      return { ...event, answeredBy: label(event.answeredBy, MAX_MODEL_ID_LENGTH), callId: label(event.callId, 200), finishReason: label(event.finishReason, 100) };
    default:
      return event;
  }
}
