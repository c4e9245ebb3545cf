import { isUnreachable } from './chat.js';
import type { LiteLLMDeployment } from './types.js';

export const LIVELINESS_BODY = "I'm alive!";

/** /health/readiness exactly as recorded (no database, no cache); 1.81.0 used aiohttp's transport. */
export function readinessBody(useAiohttpTransport: boolean): Record<string, unknown> {
  return { ...READINESS_BODY, use_aiohttp_transport: useAiohttpTransport };
}

const READINESS_BODY = {
  status: 'healthy',
  db: 'Not connected',
  cache: null,
  litellm_version: 'unknown',
  success_callbacks: [
    'sync_deployment_callback_on_success',
    'SkillsInjectionHook',
    '_PROXY_VirtualKeyModelMaxBudgetLimiter',
    '_PROXY_MaxBudgetLimiter',
    '_PROXY_MaxParallelRequestsHandler_v3',
    '_PROXY_CacheControlCheck',
    'ResponsesIDSecurity',
    'ServiceLogging',
  ],
  use_aiohttp_transport: false,
};

/** /health probes every upstream; here "reachable" follows the same rule chat completions use. */
export function healthBody(deployments: LiteLLMDeployment[]): Record<string, unknown> {
  const healthy: Record<string, unknown>[] = [];
  const unhealthy: Record<string, unknown>[] = [];
  for (const deployment of deployments) {
    const { model, api_base: apiBase } = deployment.litellm_params;
    const endpoint: Record<string, unknown> = { model, ...(apiBase !== undefined ? { api_base: apiBase } : {}) };
    if (isUnreachable(apiBase)) {
      unhealthy.push({ ...endpoint, error: 'litellm.InternalServerError: OpenAIException - Connection error.' });
    } else {
      healthy.push(endpoint);
    }
  }
  return {
    healthy_endpoints: healthy,
    unhealthy_endpoints: unhealthy,
    healthy_count: healthy.length,
    unhealthy_count: unhealthy.length,
  };
}
