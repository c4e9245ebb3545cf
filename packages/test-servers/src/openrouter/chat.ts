import type { ServerResponse } from 'node:http';
import { parseJsonObject } from '../chat-text.js';
import type { ChatWatch } from '../chat-watch.js';
import { planReply, readChatAsk } from '../reply-plan.js';
import type { ReplyPlan } from '../reply-plan.js';
import { sendJson, sendRaw, writeWithBackpressure } from '../respond.js';
import { dropConnection, paceChunks } from '../stream-pacer.js';
import type { StreamKnobs } from '../types.js';
import type { OpenRouterModel } from './models.js';

const CREATED = 1750000000;
const PROMPT_TOKENS = 8;
const PROCESSING = ': OPENROUTER PROCESSING\n\n';
const PROVIDER_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  'meta-llama': 'DeepInfra',
  mistralai: 'Mistral',
  deepseek: 'DeepSeek',
};
/** The error OpenRouter's streaming docs show for a provider lost mid-generation. */
const MIDSTREAM_ERROR = { code: 'server_error', message: 'Provider disconnected unexpectedly' };

export function openRouterError(status: number, message: string): { error: { message: string; code: number } } {
  return { error: { message, code: status } };
}

export interface OpenRouterChatSettings {
  models: OpenRouterModel[];
  reply: string;
  replyTokens: number | undefined;
  reasoningReply: string;
  /** Numbers the generation ids. */
  sequence: number;
  knobs: (model: string) => StreamKnobs;
  hangModels: readonly string[];
  /** Listed models with no provider serving them: 404 "No endpoints found". */
  unavailableModels: readonly string[];
  /** While the stream waits for a token, a processing comment this often (0: only the two at the start). */
  keepAliveMs: number;
  watch: (model: string, stream: boolean) => ChatWatch;
}

/** OpenRouter's chat completions: its own chunk fields (provider, native_finish_reason), keep-alive comments, usage with cost. */
export async function handleOpenRouterChat(res: ServerResponse, body: string, settings: OpenRouterChatSettings): Promise<void> {
  const ask = readChatAsk(parseJsonObject(body));
  const modelId = ask.model ?? '';
  const watch = settings.watch(modelId, ask.stream);
  const refuse = (status: number, message: string): void => {
    watch.end('finished');
    sendJson(res, status, openRouterError(status, message));
  };
  if (settings.hangModels.includes(modelId)) {
    await watch.pause(Infinity);
    return;
  }
  const model = settings.models.find((m) => m.id === modelId);
  if (!model) return refuse(400, `${modelId} is not a valid model ID`);
  if (settings.unavailableModels.includes(modelId)) return refuse(404, `No endpoints found for ${modelId}.`);
  const knobs = settings.knobs(modelId);
  const reasoning = model.supported_parameters.includes('reasoning') ? settings.reasoningReply : null;
  const plan = planReply({ reply: settings.reply, replyTokens: settings.replyTokens, reasoning }, ask);
  const answer: Answer = {
    id: `gen-${CREATED}-${String(settings.sequence).padStart(8, '0')}`,
    provider: PROVIDER_NAMES[modelId.split('/')[0] ?? ''] ?? 'Together',
    model,
    plan,
  };
  if (!(await watch.pause(knobs.firstByteDelayMs ?? 0))) return;
  if (ask.stream) return streamAnswer(res, watch, knobs, answer, settings.keepAliveMs);
  const outcome = await paceChunks(plan.reasoning.length + plan.content.length, knobs, watch, () => Promise.resolve(!watch.gone));
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  if (outcome === 'error') return refuse(502, MIDSTREAM_ERROR.message);
  watch.end('finished');
  const payload = {
    id: answer.id,
    provider: answer.provider,
    model: modelId,
    object: 'chat.completion',
    created: CREATED,
    choices: [
      {
        logprobs: null,
        finish_reason: plan.finishReason,
        native_finish_reason: plan.finishReason,
        index: 0,
        message: { role: 'assistant', content: plan.content.join(''), refusal: null, reasoning: reasoning === null ? null : plan.reasoning.join('') },
      },
    ],
    usage: usageOf(answer, plan.reasoning.length, plan.content.length),
  };
  sendRaw(res, 200, 'application/json', JSON.stringify(payload), { 'x-generation-id': answer.id });
}

interface Answer {
  id: string;
  provider: string;
  model: OpenRouterModel;
  plan: ReplyPlan;
}

async function streamAnswer(res: ServerResponse, watch: ChatWatch, knobs: StreamKnobs, answer: Answer, keepAliveMs: number): Promise<void> {
  const { plan } = answer;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-generation-id': answer.id });
  // OpenRouter sends SSE comments while the upstream warms up; clients must skip them.
  res.write(PROCESSING);
  res.write(PROCESSING);
  const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({
      id: answer.id,
      provider: answer.provider,
      model: answer.model.id,
      object: 'chat.completion.chunk',
      created: CREATED,
      choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null }],
      ...extra,
    })}\n\n`;
  const deltas = [
    ...plan.reasoning.map((text) => ({
      role: 'assistant',
      content: '',
      reasoning: text,
      reasoning_details: [{ type: 'reasoning.text', text, format: 'unknown', index: 0 }],
    })),
    ...plan.content.map((text) => ({ role: 'assistant', content: text })),
  ];
  const keepAlive = { everyMs: keepAliveMs, tick: () => void (res.destroyed || res.write(PROCESSING)) };
  const outcome = await paceChunks(deltas.length, knobs, watch, (index) => writeWithBackpressure(res, chunk(deltas[index] ?? {}, null)), keepAlive);
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  watch.end('finished');
  if (outcome === 'error') {
    // The documented mid-stream error: the error at the top level, a choice finished with "error", and the end.
    res.end(chunk({ content: '' }, 'error', { error: MIDSTREAM_ERROR }));
    return;
  }
  res.write(chunk({ role: 'assistant', content: '' }, plan.finishReason));
  res.write(chunk({ role: 'assistant', content: '' }, null, { usage: usageOf(answer, plan.reasoning.length, plan.content.length) }));
  res.end('data: [DONE]\n\n');
}

/** OpenRouter's usage accounting: token counts, reasoning tokens, and the cost in credits from the model's prices. */
function usageOf(answer: Answer, reasoningTokens: number, contentTokens: number): Record<string, unknown> {
  const completion = reasoningTokens + contentTokens;
  const cost = PROMPT_TOKENS * Number(answer.model.pricing.prompt) + completion * Number(answer.model.pricing.completion);
  return {
    prompt_tokens: PROMPT_TOKENS,
    completion_tokens: completion,
    total_tokens: PROMPT_TOKENS + completion,
    cost,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    cost_details: { upstream_inference_cost: null },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}
