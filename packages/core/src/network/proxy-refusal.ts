import { HttpFailure } from '../http/index.js';

// undici's words when a proxy answers CONNECT with anything but 200.
const REFUSED = /Proxy response \((\d{3})\) !== 200/;

function statusOf(error: unknown): number | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const match = REFUSED.exec(current.message);
    if (match?.[1] !== undefined) return Number(match[1]);
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What a proxy's refusal means, as a sentence naming the proxy: undici reports
 * it only as an aborted request, which would read as "could not reach" the
 * platform, when the platform was never asked.
 */
export function proxyRefusal(error: unknown, proxy: string, target: string): HttpFailure | null {
  const status = statusOf(error);
  if (status === null) return null;
  const origin = URL.parse(target)?.origin ?? target;
  if (status === 407) {
    return new HttpFailure(
      'unreachable',
      `The proxy ${proxy} asked for a user name and password (407) before connecting to ${origin}, and none it accepts was sent. Check the proxy's user name and password in Settings › General › Network.`,
    );
  }
  return new HttpFailure(
    'unreachable',
    `The proxy ${proxy} refused to connect to ${origin} (${status}). Ask your IT department whether it may be reached through the proxy, or add it to NO_PROXY if it is on your network.`,
  );
}
