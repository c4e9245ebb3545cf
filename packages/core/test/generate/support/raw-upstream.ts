import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RawRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RawUpstream {
  url: string;
  requests: RawRequest[];
  /** Answers the client hung up on before the handler ended them. */
  readonly hungUp: number;
  close(): Promise<void>;
}

/** Writes and waits a little, so each write reaches the client as its own chunk. */
export type Answer = (request: RawRequest, res: ServerResponse) => void | Promise<void>;

/**
 * A loopback server that answers chat completions however a test says, byte
 * for byte: the upstream that lies, stalls, floods or drops. It counts the
 * answers a client hung up on, which is how a test sees that Stop or a
 * deadline closed the connection.
 */
export async function startRawUpstream(answer: Answer): Promise<RawUpstream> {
  const requests: RawRequest[] = [];
  let hungUp = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      res.on('close', () => {
        if (!res.writableFinished) hungUp += 1;
      });
      void Promise.resolve(answer(request, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get hungUp() {
      return hungUp;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One SSE event of a chat-completion chunk. */
export const chunk = (body: unknown): string => `data: ${JSON.stringify(body)}\n\n`;

/** A chunk carrying answer text, as LiteLLM sends it. */
export const textChunk = (content: string): string =>
  chunk({ id: 'c1', model: 'fake-model', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] });

export function sseHead(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', ...headers });
  res.flushHeaders();
}

/** Waits until the client has hung up (or the server closed), for answers that never end on their own. */
export const untilClosed = (res: ServerResponse) => new Promise<void>((resolve) => res.on('close', () => resolve()));
