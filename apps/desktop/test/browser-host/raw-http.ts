import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of the first response, or 0 when none came. */
  status: number;
  /** Everything after the first response's headers. */
  body: string;
  /** Whether the host closed the connection before `waitMs` ran out. */
  closed: boolean;
  elapsedMs: number;
}

/**
 * Sends bytes as they are over a fresh TCP connection to 127.0.0.1 and reads
 * what comes back, for requests no HTTP client would agree to send. Chunks
 * are written `gapMs` apart, to play a slow client.
 */
export function sendRaw(port: number, chunks: ReadonlyArray<string | Buffer>, options: { waitMs?: number; gapMs?: number } = {}): Promise<RawAnswer> {
  const waitMs = options.waitMs ?? 2_000;
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const split = text.indexOf('\r\n\r\n');
      resolve({ status, body: split === -1 ? '' : text.slice(split + 4), closed, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const [index, chunk] of chunks.entries()) {
        if (index > 0 && options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
        if (socket.destroyed) return;
        socket.write(chunk);
      }
    });
  });
}
