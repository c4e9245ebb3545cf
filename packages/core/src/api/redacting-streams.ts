import { MAX_MODEL_ID_LENGTH, STREAM_LIMITS, type CheckEvent, type DiagnosisEvent, type GenerateEvent, type ProxyError, type SwitchboardStreams } from '@switchboard/shared';
import type { Redactor } from '../redact.js';

function redactError(error: ProxyError, redactor: Redactor): ProxyError {
  const masked: ProxyError = { ...error, message: redactor.redact(error.message) };
  if (error.suggestedUrl !== undefined) masked.suggestedUrl = redactor.redact(error.suggestedUrl);
  return masked;
}

/** A label masked, then cut back to its bound in the contract: the mask is longer than a short key. */
const redactLabel = (text: string | null, max: number, redactor: Redactor) => (text === null ? null : redactor.redact(text).slice(0, max));

/**
 * Every text a generation sends that a proxy could fill (the answer, its
 * reasoning, the model it names, its call id, an error sentence) and the
 * `curl` core builds. Generation already masks its own key across pieces;
 * this masks every other key the process has seen, and token-shaped text.
 */
function redactGenerateEvent(event: GenerateEvent, redactor: Redactor): GenerateEvent[] {
  switch (event.type) {
    case 'start':
      return [{ ...event, url: redactor.redact(event.url), curl: redactor.redact(event.curl) }];
    case 'delta':
    case 'reasoning': {
      // The mask is longer than a short key: a piece at the cap may grow past it, and is then sent as two.
      const text = redactor.redact(event.text);
      const pieces: GenerateEvent[] = [];
      for (let start = 0; start < text.length; start += STREAM_LIMITS.maxEventChars) {
        pieces.push({ type: event.type, text: text.slice(start, start + STREAM_LIMITS.maxEventChars) });
      }
      return pieces;
    }
    case 'done':
      return [
        {
          ...event,
          finishReason: redactLabel(event.finishReason, 100, redactor),
          answeredBy: redactLabel(event.answeredBy, MAX_MODEL_ID_LENGTH, redactor),
          callId: redactLabel(event.callId, 200, redactor),
        },
      ];
    case 'error':
      return [{ ...event, error: redactError(event.error, redactor) }];
    case 'usage':
      return [event];
  }
}

function redactCheckEvent(event: CheckEvent, redactor: Redactor): CheckEvent[] {
  if (event.type === 'health') return [{ ...event, health: { ...event.health, message: redactLabel(event.health.message, STREAM_LIMITS.maxEventChars, redactor) } }];
  if (event.type === 'error') return [{ ...event, error: redactError(event.error, redactor) }];
  return [event];
}

function redactDiagnosisEvent(event: DiagnosisEvent, redactor: Redactor): DiagnosisEvent[] {
  switch (event.type) {
    case 'step':
      return [{ ...event, detail: redactor.redact(event.detail), fix: event.fix === null ? null : redactor.redact(event.fix) }];
    case 'done':
      return [{ ...event, report: redactor.redact(event.report) }];
    case 'error':
      return [{ ...event, error: redactError(event.error, redactor), report: redactor.redact(event.report) }];
  }
}

async function* mapped<E>(events: AsyncIterable<E>, redact: (event: E) => E[]): AsyncGenerator<E> {
  // for-await hands an early exit (the caller cancelling) on to the source, which aborts its request.
  for await (const event of events) yield* redact(event);
}

/** The streams' counterpart of {@link withRedaction}: each event passes the same redactor as the API's answers. */
export function withStreamRedaction(streams: SwitchboardStreams, redactor: Redactor): SwitchboardStreams {
  return {
    'playground:generate': (input, signal) => mapped(streams['playground:generate'](input, signal), (event) => redactGenerateEvent(event, redactor)),
    'models:check': (input, signal) => mapped(streams['models:check'](input, signal), (event) => redactCheckEvent(event, redactor)),
    'connection:diagnose': (input, signal) => mapped(streams['connection:diagnose'](input, signal), (event) => redactDiagnosisEvent(event, redactor)),
  };
}
