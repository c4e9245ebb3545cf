import type { ServerResponse } from 'node:http';
import { parseJsonObject } from '../chat-text.js';
import type { ChatWatch } from '../chat-watch.js';
import { planReply, readChatAsk } from '../reply-plan.js';
import { sendRaw } from '../respond.js';
import { dropConnection, paceChunks } from '../stream-pacer.js';
import type { StreamKnobs } from '../types.js';
import { plainHeaders, refusedHeaders, streamHeaders, upstreamFailedHeaders } from './chat-headers.js';
import { streamLiteLLMChat } from './chat-stream.js';
import { invalidModel, noHealthyDeployments, teamModelAccessDenied, upstreamUnreachable } from './errors.js';
import type { ErrorReply } from './errors.js';
import { mergedModelInfo } from './model-info.js';
import { lookupModel } from './model-lookup.js';
import { findDeployment, isWildcard } from './model-list.js';
import { groupVisible } from './team-access.js';
import type { LiteLLMDeployment, MidstreamDeath } from './types.js';
import type { VersionFacts } from './versions.js';

// id and the token counts are what the recording's fake upstream sent; keeping them constant makes a
// streamed reply byte-identical to the recorded .sse files.
const COMPLETION_ID = 'c1';
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

export interface ChatSettings {
  deployments: LiteLLMDeployment[];
  reply: string;
  replyTokens: number | undefined;
  reasoningReply: string;
  facts: VersionFacts;
  midstream: MidstreamDeath | null;
  /** Team keys: the groups this key may call, or undefined for any. */
  allowedModels: string[] | undefined;
  knobs: (model: string) => StreamKnobs;
  hangModels: readonly string[];
  deadUpstreamDelayMs: number;
  watch: (model: string, stream: boolean) => ChatWatch;
}

export async function handleChatCompletion(res: ServerResponse, body: string, settings: ChatSettings): Promise<void> {
  const { deployments, facts } = settings;
  const litellmHeaders = (headers: Record<string, string>): Record<string, string> => (facts.litellmHeaders ? headers : {});
  const ask = readChatAsk(parseJsonObject(body));
  const { model, stream } = ask;
  const watch = settings.watch(model ?? '', stream);
  const fail = (error: ErrorReply, headers: Record<string, string>): void => {
    watch.end('finished');
    sendRaw(res, error.status, 'application/json', JSON.stringify(error.body), litellmHeaders(headers));
  };

  if (model !== undefined && settings.hangModels.includes(model)) {
    await watch.pause(Infinity);
    return;
  }
  const deployment = model === undefined ? undefined : findDeployment(deployments, model);
  if (model !== undefined && settings.allowedModels && !mayCall(settings.allowedModels, deployment, model)) {
    return fail(teamModelAccessDenied(model, settings.allowedModels), refusedHeaders());
  }
  if (model === undefined || !deployment) {
    const wildcardRouted = facts.wildcardUnknownModelWording && deployments.some((d) => isWildcard(d.model_name));
    const error = model !== undefined && wildcardRouted ? noHealthyDeployments(model) : invalidModel(model ?? 'None');
    return fail(error, refusedHeaders());
  }
  const upstreamFailed = (): void => fail(upstreamUnreachable(deployment.model_name), upstreamFailedHeaders(deployment));
  // A stream asked of a dead upstream gets the plain JSON error too: nothing has been streamed yet.
  if (isUnreachable(deployment.litellm_params.api_base) || (settings.midstream && !stream)) {
    if (await watch.pause(settings.deadUpstreamDelayMs)) upstreamFailed();
    return;
  }
  const knobs = settings.knobs(model);
  const reasoning = reasons(deployment, model, facts) ? settings.reasoningReply : null;
  const plan = planReply({ reply: settings.reply, replyTokens: settings.replyTokens, reasoning }, ask);
  const answeredAs = facts.chatModel === 'alias' ? model : upstreamName(deployment, model);
  if (!(await watch.pause(knobs.firstByteDelayMs ?? 0))) return;
  if (stream) {
    return streamLiteLLMChat({
      res,
      watch,
      knobs,
      plan,
      includeUsage: ask.includeUsage,
      headers: {
        ...litellmHeaders(streamHeaders(deployment)),
        'content-type': 'text/event-stream; charset=utf-8',
        ...(facts.litellmHeaders ? {} : { 'cache-control': 'no-cache' }),
      },
      id: COMPLETION_ID,
      created: facts.createdStream,
      answeredAs,
      modelGroup: deployment.model_name,
      promptTokens: PROMPT_TOKENS_STREAM,
      midstream: settings.midstream,
    });
  }
  // A plain answer takes as long as its stream would, then arrives whole.
  const started = performance.now();
  const tokens = plan.reasoning.length + plan.content.length;
  const outcome = await paceChunks(tokens, knobs, watch, () => Promise.resolve(!watch.gone));
  if (outcome === 'gone') return;
  if (outcome === 'drop') return dropConnection(res, watch);
  if (outcome === 'error') return upstreamFailed();
  const usage = {
    completion_tokens: tokens,
    prompt_tokens: PROMPT_TOKENS_PLAIN,
    total_tokens: tokens + PROMPT_TOKENS_PLAIN,
    ...(reasoning === null ? {} : { completion_tokens_details: { reasoning_tokens: plan.reasoning.length } }),
  };
  const message = { content: plan.content.join(''), role: 'assistant', ...(reasoning === null ? {} : { reasoning_content: plan.reasoning.join('') }) };
  const payload = {
    id: COMPLETION_ID,
    created: facts.createdPlain,
    model: answeredAs,
    object: 'chat.completion',
    choices: [{ finish_reason: plan.finishReason, index: 0, message }],
    usage,
  };
  const cost = costOf(deployment, facts, usage.prompt_tokens, usage.completion_tokens);
  watch.end('finished');
  sendRaw(res, 200, 'application/json', JSON.stringify(payload), litellmHeaders(plainHeaders(deployment, deployment.model_name, cost, started)));
}

/** Whether the model's metadata says it reasons: the deployment's (or, through a wildcard, the asked model's) public-map entry. */
function reasons(deployment: LiteLLMDeployment, asked: string, facts: VersionFacts): boolean {
  if (isWildcard(deployment.model_name)) return lookupModel(asked).entry?.['supports_reasoning'] === true;
  return mergedModelInfo(deployment, facts)['supports_reasoning'] === true;
}

/** The name the upstream knows the model by: "openai/fake-model" -> "fake-model"; for a wildcard, the id asked for. */
export function upstreamName(deployment: LiteLLMDeployment, asked: string): string {
  const routed = isWildcard(deployment.model_name) ? asked : deployment.litellm_params.model;
  const slash = routed.indexOf('/');
  return slash < 0 ? routed : routed.slice(slash + 1);
}

export function mayCall(allowed: string[], deployment: LiteLLMDeployment | undefined, model: string): boolean {
  return groupVisible(allowed, model) || (deployment !== undefined && allowed.includes(deployment.model_name));
}

function costOf(deployment: LiteLLMDeployment, facts: VersionFacts, promptTokens: number, completionTokens: number): number {
  const info = mergedModelInfo(deployment, facts);
  const input = typeof info['input_cost_per_token'] === 'number' ? info['input_cost_per_token'] : 0;
  const output = typeof info['output_cost_per_token'] === 'number' ? info['output_cost_per_token'] : 0;
  return promptTokens * input + completionTokens * output;
}
