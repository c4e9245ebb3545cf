import { parseJsonObject } from '../chat-text.js';

/**
 * What an agent's request (Anthropic Messages or OpenAI Responses) asks for, as the recording's fake
 * upstream reads it: a prompt with WEATHER gets a call of the first tool offered, one with DIE a
 * connection dropped after two chunks; anything else the reply.
 */
export interface AgentAsk {
  body: Record<string, unknown>;
  model: string | undefined;
  stream: boolean;
  /** `max_tokens` (Messages) or `max_output_tokens` (Responses); null when absent or not a positive integer. */
  maxTokens: number | null;
  /** The first tool's name, when the request offers tools. */
  firstTool: string | null;
  /** The texts of the last turn (a tool result answers the call, so the call is not made again), for the upstream's triggers. */
  promptText: string;
}

export function readAgentAsk(raw: string, maxTokensField: 'max_tokens' | 'max_output_tokens'): AgentAsk {
  const body = parseJsonObject(raw);
  const limit = body[maxTokensField];
  const tools = Array.isArray(body['tools']) ? (body['tools'] as unknown[]) : [];
  const first = tools.find((tool): tool is Record<string, unknown> => typeof tool === 'object' && tool !== null && typeof (tool as Record<string, unknown>)['name'] === 'string');
  return {
    body,
    model: typeof body['model'] === 'string' ? body['model'] : undefined,
    stream: body['stream'] === true,
    maxTokens: typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : null,
    firstTool: first ? (first['name'] as string) : null,
    promptText: textsOf(lastTurn(body['messages'] ?? body['input'])).join('\n'),
  };
}

function lastTurn(conversation: unknown): unknown {
  return Array.isArray(conversation) ? conversation[conversation.length - 1] : conversation;
}

/** Strings under `text`/`content` keys (or bare strings in the input), however deeply the blocks nest. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return ['text', 'content'].flatMap((key) => textsOf(record[key]));
}

export type AgentReplyKind = 'text' | 'tool-call' | 'dies';

export function replyKindOf(ask: AgentAsk): AgentReplyKind {
  if (ask.promptText.includes('WEATHER') && ask.firstTool !== null) return 'tool-call';
  if (ask.promptText.includes('DIE')) return 'dies';
  return 'text';
}

/** The fake upstream's tool call, as recorded: id call_1, a city. */
export const RECORDED_TOOL_CALL = { id: 'call_1', argumentsJson: '{"city":"Paris"}', argumentChunks: ['', '{"city":', '"Paris"}'] };
