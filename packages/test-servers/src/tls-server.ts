import { request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { CertificatePair } from './private-ca.js';
import type { RecordedRequest, RunningServer } from './types.js';
import { listenOnLoopback } from './loopback-listen.js';

export interface TlsServerOptions extends CertificatePair {
  /** The plain-http loopback server (e.g. a LiteLLM test server's `url`) every request is forwarded to, path and headers as sent. */
  forwardTo?: string;
  /** Or answer here; used when there is no `forwardTo`. */
  handler?: (req: IncomingMessage, res: ServerResponse) => void;
}

function flatten(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function forward(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

/**
 * An https server on 127.0.0.1 with the certificate a test chose (a private
 * CA's leaf, a self-signed or expired one), in front of a plain test server:
 * the LiteLLM and OpenRouter servers stay plain http and this forwarder
 * speaks TLS for them. Records requests (headers as they arrived over TLS).
 */
export async function startTlsServer(options: TlsServerOptions): Promise<RunningServer> {
  const requests: RecordedRequest[] = [];
  const target = options.forwardTo === undefined ? null : new URL(options.forwardTo);
  const server = createServer({ cert: options.cert, key: options.key }, (req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: flatten(req), body: '' });
    if (target !== null) forward(target, req, res);
    else if (options.handler !== undefined) options.handler(req, res);
    else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }
  });
  // A client that rejects the certificate hangs up mid-handshake: that is the test passing, not a crash.
  server.on('tlsClientError', () => undefined);
  const { port, close } = await listenOnLoopback(server, 'TLS server');
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    close,
  };
}
