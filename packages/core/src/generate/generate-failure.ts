import type { ProxyError } from '@switchboard/shared';
import { classifyNetworkError } from '../http/classify-network-error.js';
import { HttpFailure } from '../http/index.js';
import type { PlatformWording } from '../platforms/proxy-client.js';
import { MalformedAnswer } from './answer-fields.js';
import type { Expiry } from './deadlines.js';
import type { GenerateLimits } from './generate-types.js';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function expirySentence(expiry: Expiry, where: string, limits: GenerateLimits): string {
  switch (expiry) {
    case 'first-byte':
      return `${where} sent nothing within ${seconds(limits.firstByteTimeoutMs)}. The model may be overloaded, or the proxy still retrying a provider that is down; try again, or another model.`;
    case 'stall':
      return `${where} stopped sending for ${seconds(limits.stallTimeoutMs)} in the middle of the answer, so Switchboard closed the connection. What came before is shown; try again.`;
    case 'duration':
      return `The answer from ${where} took longer than ${seconds(limits.maxDurationMs)}, the longest Switchboard waits, so it stopped reading. What came before is shown; set a lower output limit for a shorter answer.`;
  }
}

/** Whatever ended a generation early, as the contract's error: a deadline, a sentence core wrote, a lying stream, the network. */
export function generateFailure(error: unknown, expiry: Expiry | null, url: string, wording: PlatformWording, limits: GenerateLimits): ProxyError {
  const origin = new URL(url).origin;
  const where = `${wording.product} at ${origin}`;
  if (expiry !== null) return { kind: 'timeout', message: expirySentence(expiry, where, limits) };
  if (error instanceof HttpFailure) return error.toProxyError();
  if (error instanceof MalformedAnswer) {
    return {
      kind: 'bad-response',
      message: `${where} sent ${error.what}, which is not part of a chat completion, so Switchboard stopped reading. Check that the URL points at an OpenAI-compatible API.`,
    };
  }
  return classifyNetworkError(error, origin, limits.firstByteTimeoutMs).toProxyError();
}
