import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ChatWatch } from '../chat-watch.js';
import { litellm1810FixturesDir } from '../fixtures.js';
import { planReply } from '../reply-plan.js';
import { sendRaw, writeWithBackpressure } from '../respond.js';
import { dropConnection, paceChunks } from '../stream-pacer.js';
import type { StreamKnobs } from '../types.js';
import { agentUpstreamFailedHeaders, responsesPlainHeaders, responsesStreamHeaders, streamCostHeaders } from './agent-headers.js';
import { beginAgentAnswer } from './agent-routing.js';
import { upstreamName } from './chat.js';
import { midstreamErrorEvent, responsesCannotConnect } from './errors.js';
import type { AgentRouteSettings } from './agent-routing.js';

// What the recording's upstream (a native /v1/responses) said: its item id, its clock, its token counts.
const ITEM_ID = 'msg_up1';
const CREATED_AT = 1795320850;
const INPUT_TOKENS = 3;

/**
 * The long encrypted id LiteLLM puts in place of the upstream's response id: a fresh one in every
 * event that carries a response (created, in_progress, completed), as recorded.
 */
function encryptedResponseId(): string {
  return `resp_${randomBytes(256).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
}

/**
 * POST /v1/responses as LiteLLM 1.81.0 answers it for a deployment whose upstream speaks Responses
 * natively (agents/responses-api-upstream-native.json): `data:` lines of compact JSON, no `event:`
 * lines, `sequence_number` moved last, the response id replaced, then `data: [DONE]`. Errors as on
 * /v1/messages; a dead upstream in aiohttp's words.
 */
export async function handleResponses(res: ServerResponse, raw: string, settings: AgentRouteSettings): Promise<void> {
  const started = performance.now();
  const { ask, watch, headersIf, fail, routing } = beginAgentAnswer(res, raw, settings, 'max_output_tokens');
  if (routing.kind === 'refused') return fail(routing.error, routing.headers);
  const { deployment } = routing;
  if (routing.kind === 'upstream-down') {
    if (!(await watch.pause(settings.deadUpstreamDelayMs))) return;
    // A stream's failure also carries the cost headers its answer would have had (as recorded).
    const headers = { ...agentUpstreamFailedHeaders(deployment), ...(ask.stream ? streamCostHeaders() : {}) };
    return fail(responsesCannotConnect(deployment.model_name, deployment.litellm_params.api_base), headers);
  }
  const knobs = settings.knobs(deployment.model_name);
  if (!(await watch.pause(knobs.firstByteDelayMs ?? 0))) return;
  const model = upstreamName(deployment, ask.model ?? '');
  const chunks = planReply({ reply: settings.reply, reasoning: null }, { model: ask.model, stream: ask.stream, includeUsage: false, maxTokens: ask.maxTokens, stop: [] }).content;
  if (ask.stream) {
    res.writeHead(200, { ...headersIf(responsesStreamHeaders(deployment, started)), 'content-type': 'text/event-stream; charset=utf-8' });
    res.flushHeaders();
    return streamResponse({ res, watch, knobs, chunks, model, modelGroup: deployment.model_name, upstreamDies: settings.upstreamDies, omitsLogprobs: settings.omitsLogprobs });
  }
  watch.end('finished');
  sendRaw(res, 200, 'application/json', JSON.stringify(plainResponse(chunks.join(''), chunks.length, model, !settings.omitsLogprobs)), headersIf(responsesPlainHeaders(deployment, started)));
}

let validationErrorEvent: string | undefined;

/** LiteLLM's event for an output_text part without logprobs: pydantic's five errors and a traceback, as recorded, read once. */
function logprobsValidationEvent(): string {
  validationErrorEvent ??= `${readFileSync(join(litellm1810FixturesDir, 'agents', 'nologprobs-native-responses_stream.sse'), 'utf8')
    .split('\n\n')
    .find((event) => event.startsWith('data: {"error"'))!}\n\n`;
  return validationErrorEvent;
}

function outputPart(text: string, withLogprobs: boolean): Record<string, unknown> {
  return { type: 'output_text', text, annotations: [], ...(withLogprobs ? { logprobs: [] } : {}) };
}

/** The response object as a plain answer has it: every field, null where unset, usage with LiteLLM's extra nulls. */
function plainResponse(text: string, outputTokens: number, model: string, withLogprobs: boolean): Record<string, unknown> {
  return {
    id: encryptedResponseId(),
    created_at: CREATED_AT,
    error: null,
    incomplete_details: null,
    // The recorded upstream answered null even when instructions were sent.
    instructions: null,
    metadata: null,
    model,
    object: 'response',
    output: [{ id: ITEM_ID, content: [{ annotations: [], text, type: 'output_text', ...(withLogprobs ? { logprobs: [] } : {}) }], role: 'assistant', status: 'completed', type: 'message' }],
    parallel_tool_calls: null,
    temperature: null,
    tool_choice: null,
    tools: null,
    top_p: null,
    max_output_tokens: null,
    previous_response_id: null,
    reasoning: null,
    status: 'completed',
    text: null,
    truncation: null,
    usage: {
      input_tokens: INPUT_TOKENS,
      input_tokens_details: { audio_tokens: null, cached_tokens: 0, text_tokens: null },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0, text_tokens: null },
      total_tokens: INPUT_TOKENS + outputTokens,
      cost: null,
    },
    user: null,
    store: null,
  };
}

interface ResponseStream {
  res: ServerResponse;
  watch: ChatWatch;
  knobs: StreamKnobs;
  chunks: string[];
  model: string;
  modelGroup: string;
  upstreamDies: boolean;
  omitsLogprobs: boolean;
}

async function streamResponse(s: ResponseStream): Promise<void> {
  const { res, watch, chunks, model } = s;
  let sequence = 0;
  // sequence_number goes last, except in output_item.done, where the recording has it before the item.
  const event = (type: string, fields: Record<string, unknown>): string => `data: ${JSON.stringify({ type, ...fields, sequence_number: sequence++ })}\n\n`;
  const shell = (status: string, output: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: encryptedResponseId(),
    created_at: CREATED_AT,
    model,
    object: 'response',
    output,
    status,
    ...extra,
  });
  const at = { item_id: ITEM_ID, output_index: 0, content_index: 0 };
  res.write(event('response.created', { response: shell('in_progress', []) }));
  res.write(event('response.in_progress', { response: shell('in_progress', []) }));
  res.write(event('response.output_item.added', { output_index: 0, item: { id: ITEM_ID, type: 'message', status: 'in_progress', role: 'assistant', content: [] } }));
  res.write(event('response.content_part.added', { ...at, part: outputPart('', !s.omitsLogprobs) }));
  const knobs = s.upstreamDies ? { ...s.knobs, errorAfterChunks: Math.min(s.knobs.errorAfterChunks ?? Infinity, 2) } : s.knobs;
  const outcome = await paceChunks(chunks.length, knobs, watch, (index) => writeWithBackpressure(res, event('response.output_text.delta', { ...at, delta: chunks[index] })));
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  watch.end('finished');
  // A failing upstream surfaces as LiteLLM's error event, and the stream ends without completed or [DONE].
  if (outcome === 'error') return void res.end(midstreamErrorEvent(s.modelGroup));
  const text = chunks.join('');
  res.write(event('response.output_text.done', { ...at, text }));
  // LiteLLM validates the upstream's events: a part without logprobs ends the stream right here.
  if (s.omitsLogprobs) return void res.end(logprobsValidationEvent());
  res.write(event('response.content_part.done', { ...at, part: outputPart(text, true) }));
  const item = { id: ITEM_ID, type: 'message', status: 'completed', role: 'assistant', content: [outputPart(text, true)] };
  res.write(`data: ${JSON.stringify({ type: 'response.output_item.done', output_index: 0, sequence_number: sequence++, item })}\n\n`);
  const usage = { input_tokens: INPUT_TOKENS, input_tokens_details: { cached_tokens: 0 }, output_tokens: chunks.length, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: INPUT_TOKENS + chunks.length };
  const output = [{ id: ITEM_ID, content: [{ annotations: [], text, type: 'output_text', logprobs: [] }], role: 'assistant', status: 'completed', type: 'message' }];
  res.write(event('response.completed', { response: shell('completed', output, { usage }) }));
  res.end('data: [DONE]\n\n');
}
