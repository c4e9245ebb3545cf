import { createServer, type Socket } from 'node:net';

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
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // Waits for the first bytes, as a server that read the request would, then answers.
    if (answer !== null) socket.once('data', () => socket.write(answer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('raw server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    connections: () => accepted,
    close() {
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return done;
    },
  };
}
