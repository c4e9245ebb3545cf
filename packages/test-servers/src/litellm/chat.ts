import type { ServerResponse } from 'node:http';
import { parseJsonObject, replyChunks } from '../chat-text.js';
import { sendJson } from '../respond.js';
import { invalidModel, upstreamUnreachable } from './errors.js';
import { findDeployment } from './model-list.js';
import type { LiteLLMDeployment } from './types.js';

// id, created and the token counts are what the recording's fake upstream sent; keeping them
// constant makes a streamed reply byte-identical to chat-stream.sse.
const COMPLETION_ID = 'c1';
const CREATED = 1795320850;
const PROMPT_TOKENS_PLAIN = 3;
const PROMPT_TOKENS_STREAM = 8;

/**
 * An api_base counts as down when it uses port 9 (discard, what the recording's "local-llama" used)
 * or a host under the reserved ".invalid" TLD. Everything else is answered as if the upstream replied:
 * the server simulates upstreams instead of dialling them.
 */
export function isUnreachable(apiBase: string | undefined): boolean {
  if (!apiBase) return false;
  try {
    const url = new URL(apiBase);
    return url.port === '9' || url.hostname.endsWith('.invalid');
  } catch {
    return true;
  }
}

export function handleChatCompletion(
  res: ServerResponse,
  body: string,
  deployments: LiteLLMDeployment[],
  reply: string,
): void {
  const request = parseJsonObject(body);
  const model = typeof request['model'] === 'string' ? request['model'] : undefined;
  const deployment = model === undefined ? undefined : findDeployment(deployments, model);
  if (model === undefined || !deployment) {
    const error = invalidModel(model ?? 'None');
    sendJson(res, error.status, error.body);
    return;
  }
  if (isUnreachable(deployment.litellm_params.api_base)) {
    const error = upstreamUnreachable(deployment.model_name);
    sendJson(res, error.status, error.body);
    return;
  }
  const chunks = replyChunks(reply);
  if (request['stream'] !== true) {
    sendJson(res, 200, {
      id: COMPLETION_ID,
      created: CREATED,
      model,
      object: 'chat.completion',
      choices: [{ finish_reason: 'stop', index: 0, message: { content: reply, role: 'assistant' } }],
      usage: {
        completion_tokens: chunks.length,
        prompt_tokens: PROMPT_TOKENS_PLAIN,
        total_tokens: chunks.length + PROMPT_TOKENS_PLAIN,
      },
    });
    return;
  }
  const streamOptions = request['stream_options'];
  const includeUsage =
    typeof streamOptions === 'object' && streamOptions !== null && (streamOptions as Record<string, unknown>)['include_usage'] === true;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const event = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id: COMPLETION_ID, created: CREATED, model, object: 'chat.completion.chunk', choices, ...extra })}\n\n`;
  chunks.forEach((content, index) => {
    const delta = index === 0 ? { content, role: 'assistant' } : { content };
    res.write(event([{ index: 0, delta }]));
  });
  res.write(event([{ finish_reason: 'stop', index: 0, delta: {} }]));
  if (includeUsage) {
    res.write(
      event([{ index: 0, delta: {} }], {
        usage: {
          completion_tokens: chunks.length,
          prompt_tokens: PROMPT_TOKENS_STREAM,
          total_tokens: chunks.length + PROMPT_TOKENS_STREAM,
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      }),
    );
  }
  res.end('data: [DONE]\n\n');
}
