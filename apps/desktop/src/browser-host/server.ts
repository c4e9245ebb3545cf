import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractInputError, isChannel, parseInput, type SwitchboardApi } from '@switchboard/shared';
import { BRIDGE_SCRIPT } from './bridge-script.js';
import { hostAllowed, originAllowed, tokenMatches } from './request-guard.js';
import { injectBridge, readStaticFile } from './static-files.js';

export interface BrowserHostOptions {
  api: SwitchboardApi;
  rendererDir: string;
  token: string;
  /** 0 lets the OS pick a free port. */
  port: number;
  log?: (line: string) => void;
}

export interface BrowserHost {
  server: Server;
  port: number;
  /** The address to open: it carries the per-launch token. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(request: IncomingMessage, response: ServerResponse, options: BrowserHostOptions, channel: string) {
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'Use POST.' });
  if (!originAllowed(request, options.port)) return sendJson(response, 403, { error: 'Requests from other sites are refused.' });
  if (!tokenMatches(request, options.token)) {
    return sendJson(response, 401, { error: 'Missing or wrong access token. Open the address printed by "pnpm start:browser".' });
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(response, 415, { error: 'Send JSON.' });
  }
  if (!isChannel(channel)) return sendJson(response, 404, { error: `There is no channel named ${channel}.` });
  const raw = await readBody(request);
  if (raw === null) return sendJson(response, 413, { error: 'The request is too large.' });
  try {
    const envelope = JSON.parse(raw === '' ? '{}' : raw) as { input?: unknown };
    const input = parseInput(channel, envelope.input);
    const output = await options.api[channel](input as never);
    return sendJson(response, 200, { output });
  } catch (error) {
    if (error instanceof ContractInputError || error instanceof SyntaxError) {
      return sendJson(response, 400, { error: error.message });
    }
    // Never echo an unexpected error: it could carry a request's secret.
    options.log?.(`switchboard: ${channel} failed unexpectedly (${error instanceof Error ? error.name : 'unknown error'})`);
    return sendJson(response, 500, { error: 'Switchboard hit an internal error. See the host output for details.' });
  }
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, options: BrowserHostOptions, path: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
  if (path === '/switchboard-bridge.js') return send(response, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT);
  const file = await readStaticFile(options.rendererDir, path);
  if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  const body = file.contentType.startsWith('text/html') ? injectBridge(file.body.toString('utf8')) : file.body;
  return send(response, 200, file.contentType, body);
}

/**
 * Serves the built renderer and the contract over HTTP on 127.0.0.1, for
 * machines without an Electron binary and for headless use. The same API and
 * the same validation as Electron's IPC; the page cannot tell the difference.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const state = { ...options };
  const server = createServer((request, response) => {
    if (!hostAllowed(request, state.port)) return send(response, 403, 'text/plain', 'Unknown host');
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const work = path.startsWith('/api/')
      ? handleApi(request, response, state, decodeURIComponent(path.slice('/api/'.length)))
      : handleStatic(request, response, state, path);
    work.catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  state.port = (server.address() as AddressInfo).port;
  return {
    server,
    port: state.port,
    url: `http://127.0.0.1:${state.port}/?token=${state.token}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
