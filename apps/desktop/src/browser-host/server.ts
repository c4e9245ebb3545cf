import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractInputError, isChannel, parseInput, STREAM_LIMITS, unexpectedFailureLine, type SwitchboardApi, type SwitchboardStreams } from '@switchboard/shared';
import { BRIDGE_SCRIPT } from './bridge-script.js';
import { answerAndClose, clientErrorAnswer } from './client-errors.js';
import { readBody } from './request-body.js';
import { send, sendJson, TEXT } from './responses.js';
import { readEnvelope } from './request-envelope.js';
import { apiRefusal } from './api-refusal.js';
import { hostAllowed } from './request-guard.js';
import { parseRequestTarget } from './request-target.js';
import { handleStream, STREAM_PATH_PREFIX } from './stream-route.js';
import { injectBridge, readStaticFile } from './static-files.js';

export interface BrowserHostOptions {
  api: SwitchboardApi;
  /** core's stream functions, answered at POST /api/stream/<channel>. */
  streams: SwitchboardStreams;
  rendererDir: string;
  token: string;
  /** 0 lets the OS pick a free port. */
  port: number;
  log?: (line: string) => void;
  /** How long a client may take to send its headers (default 5 s, not Node's 60 s). */
  headersTimeoutMs?: number;
  /** How long a client may take to send its whole request (default 10 s, not Node's 300 s). */
  requestTimeoutMs?: number;
  /** How long an API call's body may take once its headers are in (default 5 s). */
  bodyTimeoutMs?: number;
  maxBodyBytes?: number;
  /** A stream's request carries a prompt, a system prompt and a JSON schema (default 2 MiB). */
  maxStreamBodyBytes?: number;
  /** How long a stream's reader may take nothing before it is cut off (default 30 s, the stall limit). */
  streamDrainTimeoutMs?: number;
}

export interface BrowserHost {
  server: Server;
  port: number;
  /** The address to open: it carries the per-launch token. */
  url: string;
  close(): Promise<void>;
}

interface HostState extends BrowserHostOptions {
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  maxStreamBodyBytes: number;
  streamDrainTimeoutMs: number;
}

/** A refusal in the form the caller reads: `{ error }` to the page's bridge, a line of text elsewhere. */
function refuse(response: ServerResponse, api: boolean, status: number, error: string, close = false): void {
  if (api) sendJson(response, status, { error }, close);
  else send(response, status, TEXT, `${error}\n`, close);
}

async function handleApi(request: IncomingMessage, response: ServerResponse, state: HostState, channel: string) {
  const refusal = apiRefusal(request, state.port, state.token);
  if (refusal) return sendJson(response, refusal.status, { error: refusal.error });
  if (!isChannel(channel)) return sendJson(response, 404, { error: `There is no channel named ${JSON.stringify(channel.slice(0, 80))}.` });
  const body = await readBody(request, { maxBytes: state.maxBodyBytes, deadlineMs: state.bodyTimeoutMs });
  if (!body.ok) return sendJson(response, body.status, { error: body.error }, true);
  const envelope = readEnvelope(body.text);
  if (!envelope.ok) return sendJson(response, 400, { error: envelope.error });
  let input: unknown;
  try {
    input = parseInput(channel, envelope.input);
  } catch (error) {
    if (error instanceof ContractInputError) return sendJson(response, 400, { error: error.message });
    throw error;
  }
  try {
    // parseInput has just checked `input` against this very channel's schema.
    const output = await (state.api[channel] as (input: unknown) => Promise<unknown>)(input);
    return sendJson(response, 200, { output });
  } catch (error) {
    // Never echo an unexpected error: it could carry a request's secret.
    state.log?.(unexpectedFailureLine(channel, error));
    return sendJson(response, 500, { error: 'Switchboard hit an internal error. See the host output for details.' });
  }
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, options: BrowserHostOptions, path: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, TEXT, 'Use GET for pages.\n');
  if (path === '/switchboard-bridge.js') return send(response, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT);
  const file = await readStaticFile(options.rendererDir, path);
  if (!file) return send(response, 404, TEXT, 'Not found.\n');
  const body = file.contentType.startsWith('text/html') ? injectBridge(file.body.toString('utf8')) : file.body;
  return send(response, 200, file.contentType, body);
}

function route(request: IncomingMessage, response: ServerResponse, state: HostState): Promise<void> {
  const target = parseRequestTarget(request.url);
  if (!target.ok) {
    refuse(response, target.api, 400, target.error);
    return Promise.resolve();
  }
  if (!hostAllowed(request, state.port)) {
    refuse(response, target.api, 403, 'Requests must name this host (127.0.0.1 or localhost with its port) in one Host header.');
    return Promise.resolve();
  }
  if (target.path.startsWith(STREAM_PATH_PREFIX)) return handleStream(request, response, state, target.path.slice(STREAM_PATH_PREFIX.length));
  return target.api
    ? handleApi(request, response, state, target.path.slice('/api/'.length))
    : handleStatic(request, response, state, target.path);
}

/**
 * Serves the built renderer and the contract over HTTP on 127.0.0.1, for
 * machines without an Electron binary and for headless use. The same API and
 * the same validation as Electron's IPC, the streams as NDJSON responses; the
 * page cannot tell the difference.
 * Whatever bytes arrive, the answer is a 4xx with a sentence and the host
 * keeps serving; slow clients are cut off within seconds.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const state: HostState = {
    bodyTimeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    maxStreamBodyBytes: 2 * 1024 * 1024,
    streamDrainTimeoutMs: STREAM_LIMITS.stallTimeoutMs,
    ...options,
  };
  const headersTimeout = options.headersTimeoutMs ?? 5_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 10_000, headersTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // Node checks those deadlines on this interval (30 s by default), which would stretch them.
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    (request, response) => {
      route(request, response, state).catch((error: unknown) => {
        // The last resort: something in routing itself failed. Say so without request data, stay up.
        state.log?.(unexpectedFailureLine('a request', error));
        if (!response.headersSent) send(response, 500, TEXT, 'Switchboard hit an internal error. See the host output for details.\n', true);
        else response.destroy();
      });
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET') return socket.destroy();
    const answer = clientErrorAnswer(error.code);
    answerAndClose(socket, answer.status, answer.text);
  });
  // CONNECT asks for a tunnel; this is not a proxy.
  server.on('connect', (_request, socket) => {
    // Node hands the socket over bare: without a listener of ours, a reset on it would end the process.
    socket.on('error', () => socket.destroy());
    answerAndClose(socket, 405, 'Switchboard is not a proxy: CONNECT is refused.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      reject(new Error(`Port ${options.port} on 127.0.0.1 is already in use. Choose another with --port, or leave --port out to let the system pick one.`));
    });
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
