import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** What Node's HTTP parser reported, as the status and sentence to answer with. */
export function clientErrorAnswer(code: string | undefined): { status: number; text: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, text: 'The request headers are too large.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, text: 'The request did not arrive in time.' };
  if (code === 'HPE_INVALID_METHOD') return { status: 400, text: 'The request method is not one Switchboard knows.' };
  return { status: 400, text: 'The request is not valid HTTP.' };
}

/**
 * Answers on a socket the HTTP layer gave up on, then closes it. Written by
 * hand because there is no response object at that point; a peer that stops
 * reading is cut off after a second rather than holding the socket.
 */
export function answerAndClose(socket: Duplex, status: number, text: string): void {
  // A response already under way on this socket would be corrupted by a second status line.
  const underway = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (underway || !socket.writable || (socket as Partial<Socket>).writableEnded) {
    socket.destroy();
    return;
  }
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      'content-type: text/plain; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
  setTimeout(() => socket.destroy(), 1000).unref();
}
