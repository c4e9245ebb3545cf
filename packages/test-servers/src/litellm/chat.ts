import type { ServerResponse } from 'node:http';
import { parseJsonObject, replyChunks } from '../chat-text.js';
import { sendRaw } from '../respond.js';
import { plainHeaders, refusedHeaders, streamHeaders, upstreamFailedHeaders } from './chat-headers.js';
import { invalidModel, midstreamErrorEvent, noHealthyDeployments, teamModelAccessDenied, upstreamUnreachable } from './errors.js';
import type { ErrorReply } from './errors.js';
import { mergedModelInfo } from './model-info.js';
import { findDeployment, isWildcard } from './model-list.js';
import { groupVisible } from './team-access.js';
import type { LiteLLMDeployment, MidstreamDeath } from './types.js';
import type { VersionFacts } from './versions.js';

// id and the token counts are what the recording's fake upstream sent; keeping them constant makes a
// streamed reply byte-identical to the recorded .sse files.
const COMPLETION_ID = 'c1';
const PROMPT_TOKENS_PLAIN = 3;
const PROMPT_TOKENS_STREAM = 8;
/** What chat_upstream_dies_midstream(.httpx).sse were recorded with. */
const MIDSTREAM = { aiohttp: { created: 1795934783 }, httpx: { created: 1795935313 }, promptTokens: 9, chunksBeforeDeath: 2 };

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

export interface ChatSettings {
  deployments: LiteLLMDeployment[];
  reply: string;
  facts: VersionFacts;
  midstream: MidstreamDeath | null;
  /** Team keys: the groups this key may call, or undefined for any. */
  allowedModels: string[] | undefined;
}

export function handleChatCompletion(res: ServerResponse, body: string, settings: ChatSettings): void {
  const { deployments, facts } = settings;
  const litellmHeaders = (headers: Record<string, string>): Record<string, string> => (facts.litellmHeaders ? headers : {});
  const fail = (error: ErrorReply, headers: Record<string, string>): void =>
    sendRaw(res, error.status, 'application/json', JSON.stringify(error.body), litellmHeaders(headers));

  const request = parseJsonObject(body);
  const model = typeof request['model'] === 'string' ? request['model'] : undefined;
  const deployment = model === undefined ? undefined : findDeployment(deployments, model);
  if (model !== undefined && settings.allowedModels && !mayCall(settings.allowedModels, deployment, model)) {
    return fail(teamModelAccessDenied(model, settings.allowedModels), refusedHeaders());
  }
  if (model === undefined || !deployment) {
    const wildcardRouted = facts.wildcardUnknownModelWording && deployments.some((d) => isWildcard(d.model_name));
    const error = model !== undefined && wildcardRouted ? noHealthyDeployments(model) : invalidModel(model ?? 'None');
    return fail(error, refusedHeaders());
  }
  const stream = request['stream'] === true;
  if (isUnreachable(deployment.litellm_params.api_base) || (settings.midstream && !stream)) {
    return fail(upstreamUnreachable(deployment.model_name), upstreamFailedHeaders(deployment));
  }
  const answeredAs = facts.chatModel === 'alias' ? model : upstreamName(deployment, model);
  const chunks = replyChunks(settings.reply);
  if (!stream) {
    const started = performance.now();
    const usage = { completion_tokens: chunks.length, prompt_tokens: PROMPT_TOKENS_PLAIN, total_tokens: chunks.length + PROMPT_TOKENS_PLAIN };
    const payload = {
      id: COMPLETION_ID,
      created: facts.createdPlain,
      model: answeredAs,
      object: 'chat.completion',
      choices: [{ finish_reason: 'stop', index: 0, message: { content: settings.reply, role: 'assistant' } }],
      usage,
    };
    const cost = costOf(deployment, facts, usage.prompt_tokens, usage.completion_tokens);
    sendRaw(res, 200, 'application/json', JSON.stringify(payload), litellmHeaders(plainHeaders(deployment, deployment.model_name, cost, started)));
    return;
  }
  res.writeHead(200, {
    ...litellmHeaders(streamHeaders(deployment)),
    'content-type': 'text/event-stream; charset=utf-8',
    ...(facts.litellmHeaders ? {} : { 'cache-control': 'no-cache' }),
  });
  const created = settings.midstream ? MIDSTREAM[settings.midstream].created : facts.createdStream;
  const event = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id: COMPLETION_ID, created, model: answeredAs, object: 'chat.completion.chunk', choices, ...extra })}\n\n`;
  const sent = settings.midstream ? chunks.slice(0, MIDSTREAM.chunksBeforeDeath) : chunks;
  sent.forEach((content, index) => {
    const delta = index === 0 ? { content, role: 'assistant' } : { content };
    res.write(event([{ index: 0, delta }]));
  });
  if (settings.midstream === 'httpx') {
    res.end(midstreamErrorEvent(deployment.model_name));
    return;
  }
  // aiohttp's transport makes the cut-off answer look complete: a finish, usage (asked for or not) and [DONE].
  res.write(event([{ finish_reason: 'stop', index: 0, delta: {} }]));
  const promptTokens = settings.midstream ? MIDSTREAM.promptTokens : PROMPT_TOKENS_STREAM;
  if (settings.midstream || includeUsage(request)) {
    res.write(
      event([{ index: 0, delta: {} }], {
        usage: {
          completion_tokens: sent.length,
          prompt_tokens: promptTokens,
          total_tokens: sent.length + promptTokens,
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      }),
    );
  }
  res.end('data: [DONE]\n\n');
}

function includeUsage(request: Record<string, unknown>): boolean {
  const options = request['stream_options'];
  return typeof options === 'object' && options !== null && (options as Record<string, unknown>)['include_usage'] === true;
}

/** The name the upstream knows the model by: "openai/fake-model" -> "fake-model"; for a wildcard, the id asked for. */
function upstreamName(deployment: LiteLLMDeployment, asked: string): string {
  const routed = isWildcard(deployment.model_name) ? asked : deployment.litellm_params.model;
  const slash = routed.indexOf('/');
  return slash < 0 ? routed : routed.slice(slash + 1);
}

function mayCall(allowed: string[], deployment: LiteLLMDeployment | undefined, model: string): boolean {
  return groupVisible(allowed, model) || (deployment !== undefined && allowed.includes(deployment.model_name));
}

function costOf(deployment: LiteLLMDeployment, facts: VersionFacts, promptTokens: number, completionTokens: number): number {
  const info = mergedModelInfo(deployment, facts);
  const input = typeof info['input_cost_per_token'] === 'number' ? info['input_cost_per_token'] : 0;
  const output = typeof info['output_cost_per_token'] === 'number' ? info['output_cost_per_token'] : 0;
  return promptTokens * input + completionTokens * output;
}
