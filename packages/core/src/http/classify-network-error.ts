import { HttpFailure } from './http-error.js';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** The code Node or undici put on an error, looking through `cause`. */
export function errorCode(error: unknown): string | undefined {
  // undici wraps the socket error as `cause`, sometimes twice.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TRUST_A_CA = "If your company gave you a CA certificate for it, choose it with Trust a CA file… in this platform's network settings.";

/** The same causes Test Connection's `tls` step names, so the quick check and the steps agree. */
function tlsFailure(code: string, origin: string): HttpFailure {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return new HttpFailure('tls', `${origin} answers plain HTTP, not TLS (${code}). Use ${origin.replace(/^https:/, 'http:')}.`, origin.replace(/^https:/, 'http:'));
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return new HttpFailure('tls', `The certificate of ${origin} has expired (${code}). Ask the server's administrator to renew it.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new HttpFailure('tls', `The certificate of ${origin} is for another name (${code}). Use the name it was issued for, or ask the server's administrator for one that names this address.`);
  }
  return new HttpFailure('tls', `The secure connection to ${origin} failed (${code}): its certificate is not trusted by this computer. ${TRUST_A_CA}`);
}

/** A deadline or a cancel, however Node, undici or the signal said it. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

/** Turns what `fetch` throws into an error kind and a sentence about the proxy at `origin`. */
export function classifyNetworkError(error: unknown, origin: string, timeoutMs: number): HttpFailure {
  if (error instanceof HttpFailure) return error;
  if (isAbort(error)) {
    return new HttpFailure(
      'timeout',
      `${origin} did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s. Check that the proxy is running and not overloaded, then try again.`,
    );
  }
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new HttpFailure('unreachable', `The host name in ${origin} could not be found. Check the spelling of the URL.`);
  }
  if (code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) return tlsFailure(code, origin);
  if (code === 'ECONNREFUSED') {
    return new HttpFailure('unreachable', `Nothing is listening at ${origin}. Check that the proxy is running and that the port is right.`);
  }
  return new HttpFailure(
    'unreachable',
    `Could not reach ${origin}${code ? ` (${code})` : ''}. Check the URL and your network connection.`,
  );
}
