import type { ServerResponse } from 'node:http';
import type { ChatWatch } from '../chat-watch.js';
import type { ReplyPlan } from '../reply-plan.js';
import { writeWithBackpressure } from '../respond.js';
import { dropConnection, paceChunks } from '../stream-pacer.js';
import type { StreamKnobs } from '../types.js';
import { midstreamErrorEvent } from './errors.js';
import type { MidstreamDeath } from './types.js';

/** What chat_upstream_dies_midstream(.httpx).sse were recorded with. */
const MIDSTREAM = { aiohttp: { created: 1795934783 }, httpx: { created: 1795935313 }, promptTokens: 9, chunksBeforeDeath: 2 };

export interface LiteLLMStream {
  res: ServerResponse;
  watch: ChatWatch;
  knobs: StreamKnobs;
  plan: ReplyPlan;
  includeUsage: boolean;
  headers: Record<string, string>;
  id: string;
  created: number;
  /** The response's `model`. */
  answeredAs: string;
  /** The group named in error events. */
  modelGroup: string;
  promptTokens: number;
  midstream: MidstreamDeath | null;
}

/**
 * LiteLLM's SSE: a chunk per token (`reasoning_content`, then `content`; the first carries the role),
 * a finish chunk, the usage chunk only when `stream_options.include_usage` asked for it, and [DONE].
 * With the default plan and no knobs the bytes are those of the recorded chat stream.
 */
export async function streamLiteLLMChat(s: LiteLLMStream): Promise<void> {
  const { res, watch, plan, midstream } = s;
  res.writeHead(200, s.headers);
  // The status line leaves before the first token, as a streaming response's does.
  res.flushHeaders();
  const created = midstream ? MIDSTREAM[midstream].created : s.created;
  const event = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id: s.id, created, model: s.answeredAs, object: 'chat.completion.chunk', choices, ...extra })}\n\n`;
  const deltas: Record<string, string>[] = [
    ...plan.reasoning.map((text) => ({ reasoning_content: text })),
    ...plan.content.map((text) => ({ content: text })),
  ];
  // A dying upstream gets two chunks out; httpx's transport then reports it, aiohttp's hides it (below).
  const sent = midstream ? deltas.slice(0, MIDSTREAM.chunksBeforeDeath) : deltas;
  const knobs = midstream === 'httpx' ? { ...s.knobs, errorAfterChunks: Math.min(s.knobs.errorAfterChunks ?? Infinity, MIDSTREAM.chunksBeforeDeath) } : s.knobs;
  const outcome = await paceChunks(sent.length, knobs, watch, (index) => {
    const delta = index === 0 ? { ...sent[index], role: 'assistant' } : sent[index];
    return writeWithBackpressure(res, event([{ index: 0, delta }]));
  });
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  watch.end('finished');
  if (outcome === 'error') {
    res.end(midstreamErrorEvent(s.modelGroup));
    return;
  }
  // aiohttp's transport makes the cut-off answer look complete: a finish, usage (asked for or not) and [DONE].
  res.write(event([{ finish_reason: midstream ? 'stop' : plan.finishReason, index: 0, delta: {} }]));
  if (midstream || s.includeUsage) {
    const promptTokens = midstream ? MIDSTREAM.promptTokens : s.promptTokens;
    const reasoningTokens = Math.min(plan.reasoning.length, sent.length);
    res.write(
      event([{ index: 0, delta: {} }], {
        usage: {
          completion_tokens: sent.length,
          prompt_tokens: promptTokens,
          total_tokens: sent.length + promptTokens,
          completion_tokens_details: { reasoning_tokens: reasoningTokens },
        },
      }),
    );
  }
  res.end('data: [DONE]\n\n');
}
