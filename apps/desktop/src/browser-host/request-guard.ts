import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The names under which a page on this host may legitimately reach it. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * A foreign Host header means DNS rebinding or a misdirected request: refuse
 * it. Node keeps only the first of several Host headers, so more than one is
 * refused outright rather than letting the first decide.
 */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const hostHeaders = request.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === 'host');
  return hostHeaders.length === 1 && allowedHosts(port).has(request.headers.host ?? '');
}

/** Browsers send Origin on cross-origin POSTs; anything but our own origin is another site. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const given = request.headers['x-switchboard-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
