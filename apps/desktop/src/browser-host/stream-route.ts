import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ContractInputError,
  isStreamChannel,
  parseStreamInput,
  pumpStream,
  type StreamChannel,
  type StreamEvent,
  type SwitchboardStreams,
} from '@switchboard/shared';
import { apiRefusal } from './api-refusal.js';
import { readBody } from './request-body.js';
import { readEnvelope } from './request-envelope.js';
import { SECURITY_HEADERS, sendJson } from './responses.js';

/** What the stream endpoint needs of the host. */
export interface StreamRouteState {
  streams: SwitchboardStreams;
  port: number;
  token: string;
  bodyTimeoutMs: number;
  maxStreamBodyBytes: number;
  /** How long a reader may leave the stream unread before it is cut off. */
  streamDrainTimeoutMs: number;
  log?: (line: string) => void;
}

export const STREAM_PATH_PREFIX = '/api/stream/';

/**
 * Writes one event as a line and resolves once the socket can take more:
 * at once while the buffer has room, on 'drain' when it is full. A reader
 * that takes nothing for the drain deadline is cut off, so a client that
 * never reads holds one buffer's worth, not the whole answer.
 */
function lineWriter(response: ServerResponse, drainTimeoutMs: number): (event: unknown) => Promise<void> | void {
  return (event) => {
    if (response.destroyed || response.writableEnded) return;
    if (response.write(`${JSON.stringify(event)}\n`)) return;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        response.removeListener('drain', done);
        response.removeListener('close', done);
        resolve();
      };
      const timer = setTimeout(() => {
        response.destroy();
        done();
      }, drainTimeoutMs);
      response.on('drain', done);
      response.on('close', done);
    });
  };
}

/** Runs a checked stream as `200 application/x-ndjson`, one event per line, flushed as produced. */
function streamOut(response: ServerResponse, state: StreamRouteState, channel: StreamChannel, input: unknown): Promise<void> {
  const controller = new AbortController();
  // The reader went away (closed the tab, pressed Stop, lost the connection): core's signal closes the upstream.
  const gone = () => {
    if (!response.writableFinished) controller.abort();
  };
  response.on('close', gone);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.flushHeaders();
  // parseStreamInput has just checked `input` against this very channel's schema.
  const open = state.streams[channel] as (input: unknown, signal: AbortSignal) => AsyncIterable<StreamEvent<typeof channel>>;
  return pumpStream(channel, (signal) => open(input, signal), lineWriter(response, state.streamDrainTimeoutMs), {
    signal: controller.signal,
    log: state.log ?? (() => undefined),
  }).then(() => {
    response.removeListener('close', gone);
    if (!response.destroyed) response.end();
  });
}

/**
 * `POST /api/stream/<channel>`: the same checks as every API call (token,
 * origin, host, JSON body within its cap and deadline, the input against the
 * channel's schema), refused with `{ error }` and a 4xx before anything
 * streams; then the events as NDJSON until the final one or the reader's
 * going away.
 */
export async function handleStream(request: IncomingMessage, response: ServerResponse, state: StreamRouteState, channel: string): Promise<void> {
  const refusal = apiRefusal(request, state.port, state.token);
  if (refusal) return sendJson(response, refusal.status, { error: refusal.error });
  if (!isStreamChannel(channel)) {
    return sendJson(response, 404, { error: `Switchboard has no stream channel ${JSON.stringify(channel.slice(0, 80))}.` });
  }
  const body = await readBody(request, { maxBytes: state.maxStreamBodyBytes, deadlineMs: state.bodyTimeoutMs });
  if (!body.ok) return sendJson(response, body.status, { error: body.error }, true);
  const envelope = readEnvelope(body.text);
  if (!envelope.ok) return sendJson(response, 400, { error: envelope.error });
  let input: unknown;
  try {
    input = parseStreamInput(channel, envelope.input);
  } catch (error) {
    if (error instanceof ContractInputError) return sendJson(response, 400, { error: error.message });
    throw error;
  }
  return streamOut(response, state, channel, input);
}
