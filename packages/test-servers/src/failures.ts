import { swaggerPage, HTML_CONTENT_TYPE } from './html-page.js';
import type { Exchange, Lifecycle } from './http-server.js';
import { sendJson, sendRaw, writeWithBackpressure } from './respond.js';
import type { FailureMode } from './types.js';

/** The platform-specific bodies a failure answers with; everything else is shared. */
export interface FailureContext {
  redirectTo?: string | undefined;
  notFoundBody: unknown;
  serverErrorBody: unknown;
  pageTitle: string;
}

/** Bigger than the 20 MB (decimal or binary) a sane client should accept for a model list. */
export const HUGE_BODY_BYTES = 21 * 1024 * 1024 + 4096;
/** Gap between trickled bytes: short enough to defeat a naive idle timeout, long enough to stall any total deadline. */
const SLOW_BODY_INTERVAL_MS = 2000;

const MODEL_ENTRY = '{"id":"filler-model","object":"model","created":1677610602,"owned_by":"openai"}';
const HUGE_CHUNK = Buffer.from(`${MODEL_ENTRY},`.repeat(800), 'utf8');

export function assertFailureUsable(mode: FailureMode | null | undefined, redirectTo: string | undefined): void {
  if (mode === 'redirect' && !redirectTo) throw new Error("failure 'redirect' needs options.redirectTo");
}

export async function serveFailure(
  mode: FailureMode,
  { res, req }: Exchange,
  lifecycle: Lifecycle,
  context: FailureContext,
): Promise<void> {
  switch (mode) {
    case 'hang':
      // Headers are never sent; the socket stays open until the client gives up or close() runs.
      return;
    case 'slow-body': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"data":[${MODEL_ENTRY}`);
      // Whitespace keeps what has arrived a valid JSON prefix; the closing bracket never comes.
      lifecycle.every(SLOW_BODY_INTERVAL_MS, () => {
        if (!res.destroyed) res.write(' ');
      });
      return;
    }
    case 'html':
      sendRaw(res, 200, HTML_CONTENT_TYPE, swaggerPage(context.pageTitle));
      return;
    case 'invalid-json':
      // A model list cut off mid-object, as a proxy crashing mid-write would leave it.
      sendRaw(res, 200, 'application/json', `{"data":[${MODEL_ENTRY},{"id":"gpt-4o","object":`);
      return;
    case 'wrong-shape':
      sendJson(res, 200, { foo: 1 });
      return;
    case 'huge-body':
      await streamHugeBody(res);
      return;
    case 'server-error':
      sendJson(res, 500, context.serverErrorBody);
      return;
    case 'not-found':
      sendJson(res, 404, context.notFoundBody);
      return;
    case 'redirect':
      res.writeHead(302, { location: `${context.redirectTo ?? ''}${req.url ?? '/'}`, 'content-length': '0' });
      res.end();
      return;
  }
}

// Chunked, no content-length: a client can only protect itself by counting bytes as they arrive.
async function streamHugeBody(res: Exchange['res']): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  let sent = 0;
  if (!(await writeWithBackpressure(res, '{"data":['))) return;
  while (sent < HUGE_BODY_BYTES) {
    if (!(await writeWithBackpressure(res, HUGE_CHUNK))) return;
    sent += HUGE_CHUNK.length;
  }
  res.end(`${MODEL_ENTRY}],"object":"list"}`);
}
