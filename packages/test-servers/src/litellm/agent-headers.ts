import { plainHeaders, refusedHeaders, streamHeaders, upstreamFailedHeaders } from './chat-headers.js';
import type { LiteLLMDeployment } from './types.js';

// The x-litellm-* headers 1.81.0 sends on /v1/messages and /v1/responses (agents/*.json): those of
// chat completions, plus x-litellm-version on every answer past authentication.

type Headers = Record<string, string>;
const VERSION = { 'x-litellm-version': 'unknown' };

export const agentRefusedHeaders = (): Headers => ({ ...refusedHeaders(), ...VERSION });

export const agentUpstreamFailedHeaders = (deployment: LiteLLMDeployment): Headers => ({ ...upstreamFailedHeaders(deployment), ...VERSION });

export const streamCostHeaders = (): Headers => ({
  'x-litellm-response-cost-discount-amount': '0.0',
  'x-litellm-response-cost-margin-amount': '0.0',
  'x-litellm-response-cost-margin-percent': '0.0',
  'x-litellm-response-cost-original': '0.0',
});

/** /v1/messages, streamed or not: the cost headers, without the api base. */
export function messagesHeaders(deployment: LiteLLMDeployment): Headers {
  const headers = streamHeaders(deployment);
  delete headers['x-litellm-model-api-base'];
  return headers;
}

const duration = (startedMs: number): string => String(Math.round(Math.max(performance.now() - startedMs, 0.001) * 1000) / 1000);

/** /v1/responses passes the upstream's own headers through as llm_provider-*. */
export function responsesStreamHeaders(deployment: LiteLLMDeployment, startedMs: number): Headers {
  return {
    ...streamHeaders(deployment),
    'llm_provider-cache-control': 'no-cache',
    'llm_provider-connection': 'keep-alive',
    'llm_provider-content-type': 'text/event-stream',
    'llm_provider-date': new Date().toUTCString(),
    'llm_provider-keep-alive': 'timeout=5',
    'llm_provider-transfer-encoding': 'chunked',
    'x-litellm-response-duration-ms': duration(startedMs),
  };
}

export function responsesPlainHeaders(deployment: LiteLLMDeployment, startedMs: number): Headers {
  const headers = plainHeaders(deployment, deployment.model_name, 0, startedMs);
  delete headers['x-litellm-overhead-duration-ms'];
  return headers;
}
