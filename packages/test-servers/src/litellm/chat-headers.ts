import { randomUUID } from 'node:crypto';
import { deploymentId } from './model-info.js';
import type { LiteLLMDeployment } from './types.js';

// The x-litellm-* headers 1.81.0 sends with chat answers, grouped by how far the request got.
// Values are strings the way Python prints them (0.0, 6000.0).

type Headers = Record<string, string>;

/** Python's repr of a float: 0.0, 2.5e-05, 59.514. */
function pythonFloat(n: number): string {
  if (Number.isInteger(n)) return `${n}.0`;
  const abs = Math.abs(n);
  if (abs >= 1e-4 && abs < 1e16) return String(n);
  return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Every answer past authentication. */
function callHeaders(): Headers {
  return { 'x-litellm-call-id': randomUUID(), 'x-litellm-key-spend': '0.0' };
}

/** Refused before a deployment was chosen (unknown model, no access). */
export function refusedHeaders(): Headers {
  return { ...callHeaders(), 'x-litellm-response-cost': '0' };
}

/** The chosen upstream never answered. */
export function upstreamFailedHeaders(deployment: LiteLLMDeployment): Headers {
  return {
    ...callHeaders(),
    'x-litellm-model-id': deploymentId(deployment),
    'x-litellm-response-cost': '0',
    'x-litellm-timeout': '6000.0',
  };
}

/** A streamed answer: headers leave before the cost is known. */
export function streamHeaders(deployment: LiteLLMDeployment, cost = 0): Headers {
  const apiBase = deployment.litellm_params.api_base;
  return {
    ...callHeaders(),
    ...(apiBase !== undefined ? { 'x-litellm-model-api-base': apiBase } : {}),
    'x-litellm-model-id': deploymentId(deployment),
    'x-litellm-response-cost-discount-amount': '0.0',
    'x-litellm-response-cost-margin-amount': '0.0',
    'x-litellm-response-cost-margin-percent': '0.0',
    'x-litellm-response-cost-original': pythonFloat(cost),
    'x-litellm-version': 'unknown',
  };
}

/** A plain answer also carries timings, the group, and the upstream's own headers as llm_provider-*. */
export function plainHeaders(deployment: LiteLLMDeployment, modelGroup: string, cost: number, startedMs: number): Headers {
  const elapsed = Math.max(performance.now() - startedMs, 0.001);
  return {
    ...streamHeaders(deployment, cost),
    'llm_provider-connection': 'keep-alive',
    'llm_provider-content-type': 'application/json',
    'llm_provider-date': new Date().toUTCString(),
    'llm_provider-keep-alive': 'timeout=5',
    'llm_provider-transfer-encoding': 'chunked',
    'x-litellm-attempted-fallbacks': '0',
    'x-litellm-attempted-retries': '0',
    'x-litellm-model-group': modelGroup,
    'x-litellm-overhead-duration-ms': pythonFloat(Math.round(elapsed * 300) / 1000),
    'x-litellm-response-duration-ms': pythonFloat(Math.round(elapsed * 1000) / 1000),
  };
}
