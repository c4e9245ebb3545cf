import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { loadTestCertificate } from './tls.js';
import type { RecordedRequest, RunningServer } from './types.js';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path without the query string. */
  pathname: string;
  query: URLSearchParams;
  body: string;
  headers: Record<string, string | undefined>;
}

/** Timers that die with the server, so a stalled response never outlives close(). */
export interface Lifecycle {
  sleep(ms: number): Promise<void>;
  every(ms: number, tick: () => void): void;
  /** True once close() has begun: sockets it destroys were not hung up by the client. */
  readonly closing: boolean;
}

export type Handler = (exchange: Exchange, lifecycle: Lifecycle) => void | Promise<void>;

export interface HttpServerOptions {
  tls?: boolean;
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
}

function flattenHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Loopback-only server that records every request and can be torn down mid-response. */
export async function startHttpServer(handler: Handler, options: HttpServerOptions = {}): Promise<RunningServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const lifecycle: Lifecycle = {
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      });
    },
    every(ms, tick) {
      const timer = setInterval(tick, ms);
      timers.add(timer);
    },
    get closing() {
      return closed;
    },
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = flattenHeaders(req);
    const rawPath = req.url ?? '/';
    // Pushed before the body arrives so `requests` keeps arrival order even for slow uploads.
    const record: RecordedRequest = { method: req.method ?? 'GET', path: rawPath, headers, body: '' };
    requests.push(record);
    try {
      record.body = await readBody(req);
      const url = new URL(rawPath, 'http://127.0.0.1');
      await handler(
        { req, res, method: record.method, pathname: url.pathname, query: url.searchParams, body: record.body, headers },
        lifecycle,
      );
    } catch (error) {
      if (closed) return;
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`test server bug: ${String(error)}`);
      } else {
        res.destroy();
      }
    }
  };

  const server: Server = options.tls
    ? createHttpsServer(loadTestCertificate(), (req, res) => void onRequest(req, res))
    : createHttpServer((req, res) => void onRequest(req, res));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const port = address.port;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return done;
    },
  };
}
