import { replyChunks } from './chat-text.js';

/** What a chat request asks for, as both servers read it. */
export interface ChatAsk {
  model: string | undefined;
  stream: boolean;
  includeUsage: boolean;
  /** `max_completion_tokens`, else `max_tokens`; null when neither is a positive integer. */
  maxTokens: number | null;
  stop: string[];
}

export function readChatAsk(request: Record<string, unknown>): ChatAsk {
  const options = request['stream_options'];
  const stop = request['stop'];
  return {
    model: typeof request['model'] === 'string' ? request['model'] : undefined,
    stream: request['stream'] === true,
    includeUsage: typeof options === 'object' && options !== null && (options as Record<string, unknown>)['include_usage'] === true,
    maxTokens: positiveInteger(request['max_completion_tokens']) ?? positiveInteger(request['max_tokens']),
    stop: (typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : []).filter((s): s is string => typeof s === 'string' && s !== ''),
  };
}

function positiveInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** What the simulated upstream will say: reasoning first, then the answer, each as token chunks. */
export interface ReplyPlan {
  reasoning: string[];
  content: string[];
  finishReason: 'stop' | 'length';
}

export interface ReplySource {
  reply: string;
  /** When set, the reply is this many tokens of filler text instead of `reply`. */
  replyTokens?: number | undefined;
  /** Reasoning text, for a model whose metadata says it reasons; null otherwise. */
  reasoning: string | null;
}

/**
 * The reply as the request shapes it: a stop sequence cuts the answer before it (finish "stop"),
 * and the token limit counts reasoning and answer together, as reasoning models do (finish "length").
 */
export function planReply(source: ReplySource, ask: ChatAsk): ReplyPlan {
  const reasoning = source.reasoning === null ? [] : replyChunks(source.reasoning);
  const content = chunksBeforeStop(source.replyTokens === undefined ? source.reply : fillerReply(source.replyTokens), ask.stop);
  const limit = ask.maxTokens;
  if (limit === null || limit >= reasoning.length + content.length) return { reasoning, content, finishReason: 'stop' };
  return { reasoning: reasoning.slice(0, limit), content: content.slice(0, Math.max(0, limit - reasoning.length)), finishReason: 'length' };
}

function chunksBeforeStop(text: string, stops: string[]): string[] {
  const cut = stops.map((stop) => text.indexOf(stop)).filter((index) => index >= 0);
  if (cut.length === 0) return replyChunks(text);
  const kept = text.slice(0, Math.min(...cut));
  return kept === '' ? [] : replyChunks(kept);
}

/** What a reasoning model thinks before its answer, unless a server's `reasoningReply` says otherwise. */
export const DEFAULT_REASONING_REPLY = 'The user says hi, so a short greeting back will do.';

const FILLER = ['The', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog.'];

/** `tokens` words of a repeated pangram: exactly that many chunks, so a bench streams a known count. */
export function fillerReply(tokens: number): string {
  return Array.from({ length: tokens }, (_, index) => FILLER[index % FILLER.length]).join(' ');
}
