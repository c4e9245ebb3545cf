import type { FetchLike } from '../http/index.js';
import { classifyNetworkError } from '../http/classify-network-error.js';
import { errorCode } from './step-outcome.js';

/** Enough of a page to see its title and marks; an API's error is shorter still. */
const PROBE_BYTES = 64 * 1024;

export interface ProbeRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

export type ProbeAnswer =
  | { ok: true; status: number; contentType: string; location: string | null; text: string }
  | { ok: false; code: string | undefined; kind: string; message: string };

async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < PROBE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  // A 20 MB page is cut here: the rest is never downloaded.
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, PROBE_BYTES).toString('utf8');
}

/**
 * One request of Test Connection, through the route: redirects are not
 * followed (a redirect is itself the finding), the body is read only as far
 * as a finding needs, and the deadline covers the whole exchange.
 */
export async function probe(fetch: FetchLike, request: ProbeRequest, signal: AbortSignal, timeoutMs: number): Promise<ProbeAnswer> {
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'manual', signal };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);
    const response = await fetch(request.url, init);
    return { ok: true, status: response.status, contentType: response.headers.get('content-type') ?? '', location: response.headers.get('location'), text: await readSome(response) };
  } catch (error) {
    const failure = classifyNetworkError(error, new URL(request.url).origin, timeoutMs);
    return { ok: false, code: errorCode(error), kind: failure.kind, message: failure.message };
  }
}
