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
export function routeAgentRequest(model: string | undefined, deployments: LiteLLMDeployment[], allowedModels: string[] | undefined): AgentRouting {
  const deployment = model === undefined ? undefined : findDeployment(deployments, model);
  if (model !== undefined && allowedModels && !mayCall(allowedModels, deployment, model)) {
    return { kind: 'refused', error: teamModelAccessDenied(model, allowedModels), headers: agentRefusedHeaders() };
  }
  if (model === undefined || !deployment) return { kind: 'refused', error: agentRouteUnknownModel(model ?? 'None'), headers: agentRefusedHeaders() };
  if (isUnreachable(deployment.litellm_params.api_base)) return { kind: 'upstream-down', deployment };
  return { kind: 'routed', deployment };
}
