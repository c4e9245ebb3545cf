import type { ServerResponse } from 'node:http';
import type { ChatWatch } from '../chat-watch.js';
import { sendRaw } from '../respond.js';
import type { StreamKnobs } from '../types.js';
import { readAgentAsk } from './agent-ask.js';
import { isUnreachable, mayCall } from './chat.js';
import { agentRefusedHeaders } from './agent-headers.js';
import { agentRouteUnknownModel, teamModelAccessDenied } from './errors.js';
import type { ErrorReply } from './errors.js';
import { findDeployment } from './model-list.js';
import type { LiteLLMDeployment } from './types.js';

export type AgentRouting =
  | { kind: 'routed'; deployment: LiteLLMDeployment }
  | { kind: 'refused'; error: ErrorReply; headers: Record<string, string> }
  /** The deployment's upstream is down: the proxy retries (deadUpstreamDelayMs), then answers its 500. */
  | { kind: 'upstream-down'; deployment: LiteLLMDeployment };

/** Which deployment answers an agent's request, or why none does: the same rules as chat completions. */
function routeAgentRequest(model: string | undefined, deployments: LiteLLMDeployment[], allowedModels: string[] | undefined): AgentRouting {
  const deployment = model === undefined ? undefined : findDeployment(deployments, model);
  if (model !== undefined && allowedModels && !mayCall(allowedModels, deployment, model)) {
    return { kind: 'refused', error: teamModelAccessDenied(model, allowedModels), headers: agentRefusedHeaders() };
  }
  if (model === undefined || !deployment) return { kind: 'refused', error: agentRouteUnknownModel(model ?? 'None'), headers: agentRefusedHeaders() };
  if (isUnreachable(deployment.litellm_params.api_base)) return { kind: 'upstream-down', deployment };
  return { kind: 'routed', deployment };
}

export interface AgentRouteSettings {
  deployments: LiteLLMDeployment[];
  reply: string;
  allowedModels: string[] | undefined;
  knobs: (model: string) => StreamKnobs;
  deadUpstreamDelayMs: number;
  /** Every reachable upstream drops the connection mid-stream (the server's upstreamDiesMidstream). */
  upstreamDies: boolean;
  /** /v1/responses only: the upstream's output_text parts lack logprobs. */
  omitsLogprobs: boolean;
  /** Whether answers carry LiteLLM's x-litellm-* headers (1.81.0). */
  litellmHeaders: boolean;
  watch: (model: string, stream: boolean) => ChatWatch;
}

/**
 * How both agent routes (/v1/messages, /v1/responses) start: the request
 * read, its watch, which deployment answers, and a way to fail with
 * LiteLLM's error (its x-litellm-* headers only where the version sends them).
 */
export function beginAgentAnswer(res: ServerResponse, raw: string, settings: AgentRouteSettings, maxTokensField: 'max_tokens' | 'max_output_tokens') {
  const ask = readAgentAsk(raw, maxTokensField);
  const watch = settings.watch(ask.model ?? '', ask.stream);
  const headersIf = (headers: Record<string, string>): Record<string, string> => (settings.litellmHeaders ? headers : {});
  const fail = (error: ErrorReply, headers: Record<string, string>): void => {
    watch.end('finished');
    sendRaw(res, error.status, 'application/json', JSON.stringify(error.body), headersIf(headers));
  };
  const routing = routeAgentRequest(ask.model, settings.deployments, settings.allowedModels);
  return { ask, watch, headersIf, fail, routing };
}
