import type { Server, Socket } from 'node:net';

export interface Listening {
  port: number;
  /** Stops listening and destroys the sockets still open (a hanging client, a tunnel), once; later calls are no-ops. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 at a port the OS picks, tracking every connection so
 * that close() ends even those left open on purpose. `connection` fires for
 * TLS servers too (the raw socket), so one helper serves every test server.
 */
export async function listenOnLoopback(server: Server, what: string): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${what} has no TCP address`);
  let closing: Promise<void> | null = null;
  return {
    port: address.port,
    close() {
      if (closing) return closing;
      closing = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return closing;
    },
  };
}
