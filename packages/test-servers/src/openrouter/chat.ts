import type { ServerResponse } from 'node:http';
import { parseJsonObject, replyChunks } from '../chat-text.js';
import { sendJson } from '../respond.js';
import type { OpenRouterModel } from './models.js';

const CREATED = 1750000000;
const PROMPT_TOKENS = 8;
const PROVIDER_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  'meta-llama': 'DeepInfra',
  mistralai: 'Mistral',
  deepseek: 'DeepSeek',
};

export function openRouterError(status: number, message: string): { error: { message: string; code: number } } {
  return { error: { message, code: status } };
}

/** OpenRouter's chat completions: its own chunk fields (provider, native_finish_reason) and keep-alive comments. */
export function handleOpenRouterChat(res: ServerResponse, body: string, models: OpenRouterModel[], reply: string, sequence: number): void {
  const request = parseJsonObject(body);
  const model = typeof request['model'] === 'string' ? request['model'] : '';
  if (!models.some((m) => m.id === model)) {
    sendJson(res, 400, openRouterError(400, `${model} is not a valid model ID`));
    return;
  }
  const id = `gen-${CREATED}-${String(sequence).padStart(8, '0')}`;
  const provider = PROVIDER_NAMES[model.split('/')[0] ?? ''] ?? 'Together';
  const chunks = replyChunks(reply);
  const usage = { prompt_tokens: PROMPT_TOKENS, completion_tokens: chunks.length, total_tokens: PROMPT_TOKENS + chunks.length };
  if (request['stream'] !== true) {
    sendJson(res, 200, {
      id,
      provider,
      model,
      object: 'chat.completion',
      created: CREATED,
      choices: [
        {
          logprobs: null,
          finish_reason: 'stop',
          native_finish_reason: 'stop',
          index: 0,
          message: { role: 'assistant', content: reply, refusal: null, reasoning: null },
        },
      ],
      usage,
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  // OpenRouter sends SSE comments while the upstream warms up; clients must skip them.
  res.write(': OPENROUTER PROCESSING\n\n');
  res.write(': OPENROUTER PROCESSING\n\n');
  const event = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({
      id,
      provider,
      model,
      object: 'chat.completion.chunk',
      created: CREATED,
      choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null }],
      ...extra,
    })}\n\n`;
  for (const content of chunks) res.write(event({ role: 'assistant', content }, null));
  res.write(event({ role: 'assistant', content: '' }, 'stop'));
  res.write(event({ role: 'assistant', content: '' }, null, { usage }));
  res.end('data: [DONE]\n\n');
}
