import { STREAM_LIMITS, type GenerateEvent, type GenerateInput } from '@switchboard/shared';
import { HttpFailure, parseJsonBody, quoteServerText } from '../http/index.js';
import { bearer } from '../platforms/proxy-client.js';
import { MalformedAnswer, readAnswerPiece } from './answer-fields.js';
import { answerEvents, type AnswerEvents, type CallFacts } from './answer-events.js';
import { readBodyText } from './body-text.js';
import { buildChatRequest, type ChatRequest } from './chat-request.js';
import { chatFailure, midstreamFailure } from './chat-failure.js';
import { curlCommand } from './curl-command.js';
import { maskEvent } from './key-mask.js';
import { startDeadlines, type Deadlines } from './deadlines.js';
import { generateFailure } from './generate-failure.js';
import type { GenerateDeps, GenerateLimits, GenerateTarget } from './generate-types.js';
import { ssePieces, STREAM_DONE } from './sse-pieces.js';

const MAX_CURL_CHARS = 300_000;
/** An error answer longer than this is not an error answer. */
const MAX_ERROR_CHARS = 64 * 1024;
const NO_CALL_FACTS: CallFacts = { callId: null, responseCost: null };

const costHeader = (headers: Headers, name: string): number | null => {
  const value = headers.get(name);
  const figure = value === null || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(figure) && figure >= 0 ? figure : null;
};

/**
 * What a plain answer cost, as LiteLLM says it: `x-litellm-response-cost`
 * where sent; LiteLLM 1.81 sends a successful answer's cost as
 * `-original` less `-discount-amount` plus `-margin-amount` instead. A
 * stream's headers leave before its cost is known (they read 0.0 whatever it
 * costs), so a stream has none: the catalog's prices give its cost.
 */
function responseCost(headers: Headers, streamed: boolean): number | null {
  if (streamed) return null;
  const stated = costHeader(headers, 'x-litellm-response-cost');
  if (stated !== null) return stated;
  const original = costHeader(headers, 'x-litellm-response-cost-original');
  if (original === null) return null;
  const cost = original - (costHeader(headers, 'x-litellm-response-cost-discount-amount') ?? 0) + (costHeader(headers, 'x-litellm-response-cost-margin-amount') ?? 0);
  return cost >= 0 ? cost : null;
}

/** LiteLLM's `x-litellm-call-id` and what the answer cost, each checked; other servers send neither. */
function callFacts(headers: Headers, streamed: boolean): CallFacts {
  const id = headers.get('x-litellm-call-id');
  return {
    callId: id !== null && id.length > 0 && id.length <= 200 && !/\p{Cc}/u.test(id) ? id : null,
    responseCost: responseCost(headers, streamed),
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

function redirectFailure(response: Response, exchange: Exchange): HttpFailure {
  const location = response.headers.get('location') ?? '';
  return new HttpFailure(
    'redirect',
    `${exchange.target.wording.product} at ${new URL(exchange.url).origin} answered with a redirect to ${quoteServerText(location)}. Switchboard does not send a request, or its key, on to another address; if that address is your proxy, use it as the URL.`,
  );
}

/** A plain answer (asked for, or sent by a server that does not stream): one piece, then the end. */
function* plainAnswer(text: string, contentType: string, exchange: Exchange): Generator<GenerateEvent> {
  const what = `${exchange.target.wording.product} at ${new URL(exchange.url).origin}`;
  // Pages and garbage get the sentences every other call gives them (a LiteLLM admin page, not JSON).
  const body = parseJsonBody({ status: 200, contentType, text, retryAfter: null }, what);
  const piece = readAnswerPiece(body, 'message');
  if (piece.error !== null) throw midstreamFailure(exchange.url, piece.error, exchange.target.wording);
  if (piece.text === null && piece.reasoning === null) throw new MalformedAnswer('an answer without a message');
  yield* exchange.answer.take(piece);
  yield* exchange.answer.end('complete', exchange.call);
}

async function* streamedAnswer(body: ReadableStream<Uint8Array>, exchange: Exchange): AsyncGenerator<GenerateEvent> {
  const pieces = ssePieces(body, { maxEventChars: exchange.limits.maxEventChars, onChunk: () => exchange.deadlines.chunkArrived(), aborted: () => exchange.signal.aborted || exchange.deadlines.expired() !== null });
  for await (const piece of pieces) {
    if (piece === STREAM_DONE) {
      yield* exchange.answer.end('complete', exchange.call);
      return;
    }
    if (piece.error !== null) throw midstreamFailure(exchange.url, piece.error, exchange.target.wording);
    yield* exchange.answer.take(piece);
  }
  yield* exchange.answer.end('cut-off', exchange.call);
}

async function* sendAndRead(deps: GenerateDeps, exchange: Exchange, requestSignal: AbortSignal): AsyncGenerator<GenerateEvent> {
  const response = await deps.fetch(exchange.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: exchange.input.stream ? 'text/event-stream' : 'application/json', ...bearer(exchange.target.key) },
    body: JSON.stringify(exchange.request.body),
    // A POST is never resent elsewhere: with it would go the key and the prompt.
    redirect: 'manual',
    signal: requestSignal,
  });
  exchange.call = callFacts(response.headers, exchange.input.stream);
  const onChunk = () => exchange.deadlines.chunkArrived();
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw redirectFailure(response, exchange);
  }
  if (response.status !== 200) {
    const text = await readBodyText(response, MAX_ERROR_CHARS, onChunk, '').catch((error: unknown) => {
      if (error instanceof HttpFailure) return '';
      throw error;
    });
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', text, retryAfter: response.headers.get('retry-after') };
    throw chatFailure(answer, exchange.url, exchange.input.modelId, exchange.target.key, exchange.target.wording);
  }
  const contentType = response.headers.get('content-type') ?? '';
  // Some servers label a stream text/plain or not at all: anything but JSON or a page is read as one.
  if (exchange.input.stream && response.body && !/json|html/i.test(contentType)) {
    yield* streamedAnswer(response.body, exchange);
    return;
  }
  // A plain answer, a server that ignored `stream`, or a page: read whole, within the cap of the answer.
  const tooLarge = `The answer passed ${exchange.limits.maxTotalChars.toLocaleString('en-US')} characters, so Switchboard stopped reading it. Set a lower output limit to get a shorter answer.`;
  const text = await readBodyText(response, exchange.limits.maxTotalChars * 2, onChunk, tooLarge);
  yield* plainAnswer(text, contentType, exchange);
}

/**
 * One generation against a platform's chat completions: `start`, then the
 * answer as it comes (`delta`, `reasoning`), `usage`, and `done`; or an
 * `error` with a sentence. Stop (the signal) closes the upstream connection
 * and ends with `done` `stopped`. Never throws: every failure is an event.
 */
export async function* generate(deps: GenerateDeps, target: GenerateTarget, input: GenerateInput, signal: AbortSignal): AsyncGenerator<GenerateEvent, void, undefined> {
  // Text and reasoning are masked as they stream (answer-events.ts); the rest here. Core's redactor masks again on the way out.
  for await (const event of generation(deps, target, input, signal)) yield maskEvent(event, target.key);
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
  const exchange: Exchange = { url, request, input, target, limits, deadlines, signal, answer: answerEvents(limits, target.key, elapsed), call: NO_CALL_FACTS };
  try {
    yield* sendAndRead(deps, exchange, controller.signal);
  } catch (error) {
    if (signal.aborted && deadlines.expired() === null) yield* exchange.answer.end('stopped', exchange.call);
    else yield* exchange.answer.fail(generateFailure(error, deadlines.expired(), url, target.wording, limits));
  } finally {
    deadlines.clear();
    signal.removeEventListener('abort', abort);
    // Whatever ended the generation, the upstream connection ends with it.
    abort();
  }
}
