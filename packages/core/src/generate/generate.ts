import { MAX_MODEL_ID_LENGTH, STREAM_LIMITS, type GenerateEvent, type GenerateInput } from '@switchboard/shared';
import { HttpFailure, parseJsonBody, quoteServerText } from '../http/index.js';
import { bearer } from '../platforms/proxy-client.js';
import { MalformedAnswer, readAnswerPiece } from './answer-fields.js';
import { answerEvents, type AnswerEvents, type CallFacts } from './answer-events.js';
import { readBodyText } from './body-text.js';
import { buildChatRequest, type ChatRequest } from './chat-request.js';
import { chatFailure, midstreamFailure } from './chat-failure.js';
import { curlCommand } from './curl-command.js';
import { maskKey } from './key-mask.js';
import { startDeadlines, type Deadlines } from './deadlines.js';
import { generateFailure } from './generate-failure.js';
import type { GenerateDeps, GenerateLimits, GenerateTarget } from './generate-types.js';
import { ssePieces, STREAM_DONE } from './sse-pieces.js';

const MAX_CURL_CHARS = 300_000;
/** An error answer longer than this is not an error answer. */
const MAX_ERROR_CHARS = 64 * 1024;
const NO_CALL_FACTS: CallFacts = { callId: null, responseCost: null };

/** LiteLLM's `x-litellm-call-id` and `x-litellm-response-cost`, each checked; other servers send neither. */
function callFacts(headers: Headers): CallFacts {
  const id = headers.get('x-litellm-call-id');
  const cost = Number(headers.get('x-litellm-response-cost') ?? Number.NaN);
  return {
    callId: id !== null && id.length > 0 && id.length <= 200 && !/\p{Cc}/u.test(id) ? id : null,
    responseCost: Number.isFinite(cost) && cost >= 0 ? cost : null,
  };
}

interface Exchange {
  url: string;
  request: ChatRequest;
  input: GenerateInput;
  target: GenerateTarget;
  limits: GenerateLimits;
  deadlines: Deadlines;
  signal: AbortSignal;
  answer: AnswerEvents;
  /** Set as soon as the response's headers are in, so a Stop still reports them. */
  call: CallFacts;
}

function redirectFailure(response: Response, x: Exchange): HttpFailure {
  const location = response.headers.get('location') ?? '';
  return new HttpFailure(
    'redirect',
    `${x.target.wording.product} at ${new URL(x.url).origin} answered with a redirect to ${quoteServerText(location)}. Switchboard does not send a request, or its key, on to another address; if that address is your proxy, use it as the URL.`,
  );
}

/** A plain answer (asked for, or sent by a server that does not stream): one piece, then the end. */
function* plainAnswer(text: string, contentType: string, x: Exchange): Generator<GenerateEvent> {
  const what = `${x.target.wording.product} at ${new URL(x.url).origin}`;
  // Pages and garbage get the sentences every other call gives them (a LiteLLM admin page, not JSON).
  const body = parseJsonBody({ status: 200, contentType, text, retryAfter: null }, what);
  const piece = readAnswerPiece(body, 'message');
  if (piece.error !== null) throw midstreamFailure(x.url, piece.error, x.target.wording);
  if (piece.text === null && piece.reasoning === null) throw new MalformedAnswer('an answer without a message');
  yield* x.answer.take(piece);
  yield* x.answer.end('complete', x.call);
}

async function* streamedAnswer(body: ReadableStream<Uint8Array>, x: Exchange): AsyncGenerator<GenerateEvent> {
  const pieces = ssePieces(body, { maxEventChars: x.limits.maxEventChars, onChunk: () => x.deadlines.chunkArrived(), aborted: () => x.signal.aborted || x.deadlines.expired() !== null });
  for await (const piece of pieces) {
    if (piece === STREAM_DONE) {
      yield* x.answer.end('complete', x.call);
      return;
    }
    if (piece.error !== null) throw midstreamFailure(x.url, piece.error, x.target.wording);
    yield* x.answer.take(piece);
  }
  yield* x.answer.end('cut-off', x.call);
}

async function* exchange(deps: GenerateDeps, x: Exchange, requestSignal: AbortSignal): AsyncGenerator<GenerateEvent> {
  const response = await deps.fetch(x.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: x.input.stream ? 'text/event-stream' : 'application/json', ...bearer(x.target.key) },
    body: JSON.stringify(x.request.body),
    // A POST is never resent elsewhere: with it would go the key and the prompt.
    redirect: 'manual',
    signal: requestSignal,
  });
  x.call = callFacts(response.headers);
  const onChunk = () => x.deadlines.chunkArrived();
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw redirectFailure(response, x);
  }
  if (response.status !== 200) {
    const text = await readBodyText(response, MAX_ERROR_CHARS, onChunk, '').catch((error: unknown) => {
      if (error instanceof HttpFailure) return '';
      throw error;
    });
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', text, retryAfter: response.headers.get('retry-after') };
    throw chatFailure(answer, x.url, x.input.modelId, x.target.key, x.target.wording);
  }
  const contentType = response.headers.get('content-type') ?? '';
  // Some servers label a stream text/plain or not at all: anything but JSON or a page is read as one.
  if (x.input.stream && response.body && !/json|html/i.test(contentType)) {
    yield* streamedAnswer(response.body, x);
    return;
  }
  // A plain answer, a server that ignored `stream`, or a page: read whole, within the cap of the answer.
  const tooLarge = `The answer passed ${x.limits.maxTotalChars.toLocaleString('en-US')} characters, so Switchboard stopped reading it. Set a lower output limit to get a shorter answer.`;
  const text = await readBodyText(response, x.limits.maxTotalChars * 2, onChunk, tooLarge);
  yield* plainAnswer(text, contentType, x);
}

/** What came whole (a sentence, the curl, the labels of the end): the key masked where a server or a pasted prompt put it. */
function masked(event: GenerateEvent, key: string | null): GenerateEvent {
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

/**
 * One generation against a platform's chat completions: `start`, then the
 * answer as it comes (`delta`, `reasoning`), `usage`, and `done`; or an
 * `error` with a sentence. Stop (the signal) closes the upstream connection
 * and ends with `done` `stopped`. Never throws: every failure is an event.
 */
export async function* generate(deps: GenerateDeps, target: GenerateTarget, input: GenerateInput, signal: AbortSignal): AsyncGenerator<GenerateEvent, void, undefined> {
  // Text and reasoning are masked as they stream (answer-events.ts); the rest here. Core's redactor masks again on the way out.
  for await (const event of generation(deps, target, input, signal)) yield masked(event, target.key);
}

async function* generation(deps: GenerateDeps, target: GenerateTarget, input: GenerateInput, signal: AbortSignal): AsyncGenerator<GenerateEvent, void, undefined> {
  const limits = deps.limits ?? STREAM_LIMITS;
  const started = deps.monotonic();
  const elapsed = () => Math.max(0, Math.round(deps.monotonic() - started));
  const url = `${target.openAIBaseUrl}/chat/completions`;
  let request: ChatRequest;
  try {
    request = buildChatRequest(input, target.capabilities);
  } catch (error) {
    yield { type: 'error', error: generateFailure(error, null, url, target.wording, limits), totalMs: elapsed() };
    return;
  }
  const keyVariable = target.key === null ? null : target.keyVariable;
  yield { type: 'start', url, curl: curlCommand(url, request.body, keyVariable, MAX_CURL_CHARS), leftOut: request.leftOut };

  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  if (signal.aborted) abort();
  const deadlines = startDeadlines(limits, abort);
  const x: Exchange = { url, request, input, target, limits, deadlines, signal, answer: answerEvents(limits, target.key, elapsed), call: NO_CALL_FACTS };
  try {
    yield* exchange(deps, x, controller.signal);
  } catch (error) {
    if (signal.aborted && deadlines.expired() === null) yield* x.answer.end('stopped', x.call);
    else yield* x.answer.fail(generateFailure(error, deadlines.expired(), url, target.wording, limits));
  } finally {
    deadlines.clear();
    signal.removeEventListener('abort', abort);
    // Whatever ended the generation, the upstream connection ends with it.
    abort();
  }
}
