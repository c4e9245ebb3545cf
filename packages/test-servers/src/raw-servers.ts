import { createServer } from 'node:net';
import { listenOnLoopback } from './loopback-listen.js';

export interface RawServer {
  url: string;
  port: number;
  /** How many connections were accepted. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server on 127.0.0.1 below HTTP: each connection gets `answer` (or
 * nothing at all, when null) and stays open until the client or close() ends
 * it. Stands in for a port that accepts and then says nothing, and for a
 * "proxy" that answers a CONNECT with bytes that are not HTTP.
 */
export async function startRawServer(answer: string | null): Promise<RawServer> {
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    socket.on('error', () => undefined);
    // Waits for the first bytes, as a server that read the request would, then answers.
    if (answer !== null) socket.once('data', () => socket.write(answer));
  });
  const { port, close } = await listenOnLoopback(server, 'raw server');
  return { url: `http://127.0.0.1:${port}`, port, connections: () => accepted, close };
}
