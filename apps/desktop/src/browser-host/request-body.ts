import type { IncomingMessage } from 'node:http';

/** The body as text, or the status and sentence to refuse it with. */
export type BodyRead = { ok: true; text: string } | { ok: false; status: number; error: string };

export interface BodyLimits {
  maxBytes: number;
  /** From the end of the headers to the last byte of the body. */
  deadlineMs: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body within a size cap and a deadline, as strict UTF-8: a
 * client that trickles its body, or sends more than the cap, is answered
 * and cut off instead of holding a connection and memory.
 */
export function readBody(request: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) return Promise.resolve(tooLarge(limits));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      request.removeListener('data', onData);
      request.removeListener('end', onEnd);
      // A body still arriving is not read any further: its listeners go, its bytes are dropped.
      if (!result.ok) request.resume();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ ok: false, status: 408, error: `The request body did not arrive within ${seconds(limits.deadlineMs)}.` });
    }, limits.deadlineMs);
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxBytes) return finish(tooLarge(limits));
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish({ ok: true, text: strictUtf8.decode(Buffer.concat(chunks)) });
      } catch {
        finish({ ok: false, status: 400, error: 'The request body is not valid UTF-8.' });
      }
    };
    request.on('data', onData);
    request.on('end', onEnd);
    // A connection that breaks mid-body has no one left to answer; the deadline's answer goes nowhere.
    request.on('error', () => undefined);
  });
}

function tooLarge(limits: BodyLimits): BodyRead {
  return { ok: false, status: 413, error: `The request body is larger than ${Math.round(limits.maxBytes / 1024)} KiB.` };
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
