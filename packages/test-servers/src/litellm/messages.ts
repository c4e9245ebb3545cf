import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ChatWatch } from '../chat-watch.js';
import { pythonJson } from '../python-json.js';
import { planReply } from '../reply-plan.js';
import { sendRaw, writeWithBackpressure } from '../respond.js';
import { dropConnection, paceChunks } from '../stream-pacer.js';
import type { StreamKnobs } from '../types.js';
import { RECORDED_TOOL_CALL, replyKindOf } from './agent-ask.js';
import type { AgentAsk } from './agent-ask.js';
import { agentUpstreamFailedHeaders, messagesHeaders } from './agent-headers.js';
import { beginAgentAnswer, type AgentRouteSettings } from './agent-routing.js';

export type { AgentRouteSettings } from './agent-routing.js';
import { upstreamName } from './chat.js';
import { messagesWithoutMaxTokens, upstreamUnreachable } from './errors.js';

// Token counts the recording's fake upstream reported, kept so a default stream matches the recorded bytes.
const COUNTS = { plain: 3, stream: 8, toolCall: { input: 20, output: 5 }, dies: 10 };
const CHUNKS_BEFORE_DEATH = 2;


/**
 * POST /v1/messages as LiteLLM 1.81.0 answers it (agents/messages-api.json): Anthropic-shaped answers,
 * streamed with an `event:` line per event in Python's JSON spacing; OpenAI-shaped errors, plain JSON
 * even for a stream; a cut-off upstream still ends with end_turn and message_stop.
 */
export async function handleMessages(res: ServerResponse, raw: string, settings: AgentRouteSettings): Promise<void> {
  const { ask, watch, headersIf, fail, routing } = beginAgentAnswer(res, raw, settings, 'max_tokens');
  if (routing.kind === 'refused') return fail(routing.error, routing.headers);
  const { deployment } = routing;
  // Both fail only after the router's retries (about 4.5 s on the recorded proxy).
  if (routing.kind === 'upstream-down' || ask.maxTokens === null) {
    if (!(await watch.pause(settings.deadUpstreamDelayMs))) return;
    const error = ask.maxTokens === null ? messagesWithoutMaxTokens() : upstreamUnreachable(deployment.model_name);
    return fail(error, agentUpstreamFailedHeaders(deployment));
  }
  const knobs = settings.knobs(deployment.model_name);
  if (!(await watch.pause(knobs.firstByteDelayMs ?? 0))) return;
  const model = upstreamName(deployment, ask.model ?? '');
  const headers = headersIf(messagesHeaders(deployment));
  if (ask.stream) return streamMessage(res, watch, knobs, ask, settings, model, headers);
  watch.end('finished');
  sendRaw(res, 200, 'application/json', JSON.stringify(plainMessage(ask, settings.reply, model)), headers);
}

function plainMessage(ask: AgentAsk, reply: string, model: string): Record<string, unknown> {
  const base = { id: 'c1', type: 'message', role: 'assistant', model, stop_sequence: null };
  if (replyKindOf(ask) === 'tool-call') {
    const { input, output } = COUNTS.toolCall;
    return {
      ...base,
      usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
      content: [{ type: 'tool_use', id: RECORDED_TOOL_CALL.id, name: ask.firstTool, input: JSON.parse(RECORDED_TOOL_CALL.argumentsJson) as unknown, provider_specific_fields: null }],
      stop_reason: 'tool_use',
    };
  }
  const plan = planReply({ reply, reasoning: null }, { model: ask.model, stream: false, includeUsage: false, maxTokens: ask.maxTokens, stop: [] });
  const output = plan.content.length;
  return {
    ...base,
    usage: { input_tokens: COUNTS.plain, output_tokens: output, total_tokens: COUNTS.plain + output },
    content: [{ type: 'text', text: plan.content.join('') }],
    stop_reason: plan.finishReason === 'length' ? 'max_tokens' : 'end_turn',
  };
}

const sse = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${pythonJson({ type, ...data })}\n\n`;

async function streamMessage(
  res: ServerResponse,
  watch: ChatWatch,
  knobs: StreamKnobs,
  ask: AgentAsk,
  settings: AgentRouteSettings,
  model: string,
  headers: Record<string, string>,
): Promise<void> {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8' });
  res.flushHeaders();
  const usage0 = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const message = { id: `msg_${randomUUID()}`, type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: usage0 };
  res.write(sse('message_start', { message }));
  res.write(sse('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
  const kind = settings.upstreamDies ? 'dies' : replyKindOf(ask);
  if (kind === 'tool-call') return streamToolCall(res, watch, ask.firstTool ?? '');
  const plan = planReply({ reply: settings.reply, reasoning: null }, { model: ask.model, stream: true, includeUsage: false, maxTokens: ask.maxTokens, stop: [] });
  const chunks = kind === 'dies' ? plan.content.slice(0, CHUNKS_BEFORE_DEATH) : plan.content;
  const outcome = await paceChunks(chunks.length, knobs, watch, (index) =>
    writeWithBackpressure(res, sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: chunks[index] } })),
  );
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  watch.end('finished');
  // An upstream error mid-stream is hidden: the answer so far ends as if complete.
  const cut = kind === 'dies' || outcome === 'error';
  const stopReason = !cut && plan.finishReason === 'length' ? 'max_tokens' : 'end_turn';
  res.write(sse('content_block_stop', { index: 0 }));
  res.write(sse('message_delta', { delta: { stop_reason: stopReason }, usage: { input_tokens: kind === 'dies' ? COUNTS.dies : COUNTS.stream, output_tokens: watchCount(chunks.length, knobs) } }));
  res.end(sse('message_stop', {}));
}

/** Chunks sent before an `errorAfterChunks` knob cut the answer. */
function watchCount(total: number, knobs: StreamKnobs): number {
  return Math.min(total, knobs.errorAfterChunks ?? Infinity);
}

function streamToolCall(res: ServerResponse, watch: ChatWatch, tool: string): void {
  watch.end('finished');
  res.write(sse('content_block_stop', { index: 0 }));
  res.write(sse('content_block_start', { index: 1, content_block: { type: 'tool_use', id: RECORDED_TOOL_CALL.id, name: tool, input: {} } }));
  for (const part of RECORDED_TOOL_CALL.argumentChunks) res.write(sse('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: part } }));
  res.write(sse('content_block_stop', { index: 1 }));
  res.write(sse('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { input_tokens: COUNTS.toolCall.input, output_tokens: COUNTS.toolCall.output } }));
  res.end(sse('message_stop', {}));
}

/** /v1/messages/count_tokens: counted by the proxy itself, never sent upstream; the recordings answer 9 whatever is asked. */
export const COUNT_TOKENS_BODY = { input_tokens: 9 };
