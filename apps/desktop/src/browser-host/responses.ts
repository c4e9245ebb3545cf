import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '@switchboard/shared';

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy(),
};

export const TEXT = 'text/plain; charset=utf-8';

/** `close` for answers after which the rest of the request is not read: the connection cannot carry another. */
export function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, close = false): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, close = false): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), close);
}

