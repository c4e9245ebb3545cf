import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, rootCertificates, type TLSSocket } from 'node:tls';
import type { CertificateSummary } from '@switchboard/shared';
import { summariseCertificate } from './certificate.js';
import { errorCode } from './step-outcome.js';

export type Handshake =
  | { ok: true; protocol: string; certificate: CertificateSummary | null }
  | { ok: false; code: string | undefined; message: string };

/**
 * A TLS handshake over a socket already open (direct or a proxy's tunnel),
 * trusting the system's CAs and the route's extra ones, checking the name.
 * No request is sent. `verify: false` only reads the certificate offered, to
 * describe one that failed: nothing is ever sent over such a connection.
 */
export function handshake(socket: Duplex, host: string, extraCa: readonly string[] | null, verify: boolean, signal: AbortSignal): Promise<Handshake> {
  return new Promise((resolve) => {
    let tls: TLSSocket | null = null;
    const finish = (answer: Handshake) => {
      signal.removeEventListener('abort', onAbort);
      tls?.destroy();
      socket.destroy();
      resolve(answer);
    };
    const onAbort = () => finish({ ok: false, code: 'ABORT_ERR', message: 'aborted' });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    tls = tlsConnect({
      socket,
      // `host` is what the certificate is checked against (without it, over a socket of our own, Node checks "localhost");
      // SNI carries names only, never an address.
      host,
      servername: isIP(host) === 0 ? host : undefined,
      ca: extraCa === null ? undefined : [...rootCertificates, ...extraCa],
      rejectUnauthorized: verify,
      ALPNProtocols: ['http/1.1'],
    });
    const current = tls;
    current.once('secureConnect', () => {
      const peer = current.getPeerCertificate();
      finish({ ok: true, protocol: current.getProtocol() ?? 'TLS', certificate: Object.keys(peer).length === 0 ? null : summariseCertificate(peer) });
    });
    current.once('error', (error) => finish({ ok: false, code: errorCode(error), message: error.message }));
    // A server that closes without a word before the handshake ends.
    current.once('close', () => finish({ ok: false, code: 'ECONNRESET', message: 'closed' }));
  });
}

/** OpenSSL's words for "the other side does not speak TLS" (an http:// port). */
export function isPlainHttpAnswer(failure: { code: string | undefined; message: string }): boolean {
  return failure.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|http request/i.test(failure.message);
}
