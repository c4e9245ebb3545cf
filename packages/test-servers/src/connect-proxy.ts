import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxy } from 'proxy';
import { listenOnLoopback } from './loopback-listen.js';

export interface ConnectProxyOptions {
  /** Basic proxy credentials the proxy demands; without them it answers 407. */
  credentials?: { username: string; password: string };
  /** Refuse every request with 403, like a corporate proxy's deny list. */
  refuse?: boolean;
  /**
   * The proxy's own "corporate DNS": a name (e.g. `litellm.corp.test`) to the
   * address it really connects to (127.0.0.1). Switchboard never sends
   * loopback through a proxy, so tests reach loopback servers by a name only
   * the proxy knows, as a company's internal gateway is.
   */
  hosts?: Record<string, string>;
}

interface ProxyExchange {
  /** `CONNECT` for a tunnel, else the method of an absolute-URI request. */
  method: string;
  /** As the client asked: `litellm.corp.test:443` for CONNECT, the absolute URL otherwise. */
  target: string;
}

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`, no credentials. */
  url: string;
  port: number;
  /** What it forwarded, in order. A request sent direct never appears here. */
  forwarded: ProxyExchange[];
  /** What it turned away (407 without credentials, 403 when refusing), in order. */
  refused: (ProxyExchange & { status: number })[];
  close(): Promise<void>;
}

function hasCredentials(req: IncomingMessage, credentials: ConnectProxyOptions['credentials']): boolean {
  if (credentials === undefined) return true;
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return req.headers['proxy-authorization'] === expected;
}

function mapHostPort(target: string, hosts: Record<string, string>): string {
  const colon = target.lastIndexOf(':');
  const host = target.slice(0, colon);
  const mapped = hosts[host.toLowerCase()];
  return mapped === undefined ? target : `${mapped}${target.slice(colon)}`;
}

function mapAbsoluteUrl(target: string, hosts: Record<string, string>): string {
  try {
    const url = new URL(target);
    const mapped = hosts[url.hostname.toLowerCase()];
    if (mapped === undefined) return target;
    url.hostname = mapped;
    return url.href;
  } catch {
    return target;
  }
}

/** How a refusal is written: on a CONNECT there is only the raw socket. */
function refuseTunnel(socket: Duplex, status: number): void {
  const reason = status === 407 ? 'Proxy Authentication Required' : 'Forbidden';
  const challenge = status === 407 ? 'Proxy-Authenticate: Basic realm="proxy"\r\n' : '';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${challenge}Content-Length: 0\r\nConnection: close\r\n\r\n`);
}

function refuseRequest(res: ServerResponse, status: number): void {
  res.writeHead(status, status === 407 ? { 'proxy-authenticate': 'Basic realm="proxy"' } : {});
  res.end();
}

/**
 * A real HTTP CONNECT proxy (TooTallNate's `proxy`) on 127.0.0.1, with a log,
 * optional Basic credentials, a refuse-everything switch and a hosts map.
 * The `proxy` package's own handlers do the forwarding; ours run first to log,
 * refuse, or rewrite the target.
 */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const hosts = Object.fromEntries(Object.entries(options.hosts ?? {}).map(([name, address]) => [name.toLowerCase(), address]));
  const forwarded: ProxyExchange[] = [];
  const refused: ConnectProxy['refused'] = [];
  const server = createProxy(createServer());

  const statusFor = (req: IncomingMessage): number | null => {
    if (options.refuse === true) return 403;
    return hasCredentials(req, options.credentials) ? null : 407;
  };

  const onConnect = server.listeners('connect') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  const onRequest = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('connect');
  server.removeAllListeners('request');

  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const exchange = { method: 'CONNECT', target: req.url ?? '' };
    const status = statusFor(req);
    if (status !== null) {
      refused.push({ ...exchange, status });
      refuseTunnel(socket, status);
      return;
    }
    forwarded.push(exchange);
    req.url = mapHostPort(exchange.target, hosts);
    for (const listener of onConnect) listener.call(server, req, socket, head);
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const exchange = { method: req.method ?? 'GET', target: req.url ?? '' };
    const status = statusFor(req);
    if (status !== null) {
      refused.push({ ...exchange, status });
      refuseRequest(res, status);
      return;
    }
    forwarded.push(exchange);
    req.url = mapAbsoluteUrl(exchange.target, hosts);
    for (const listener of onRequest) listener.call(server, req, res);
  });

  const { port, close } = await listenOnLoopback(server, 'proxy');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    forwarded,
    refused,
    close,
  };
}
