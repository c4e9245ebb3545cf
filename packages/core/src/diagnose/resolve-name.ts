import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { errorCode, failed, ok, skip, type StepOutcome } from './step-outcome.js';

/** No name in DNS is longer; a longer one is refused here rather than handed to the resolver. */
const MAX_NAME_CHARS = 253;

function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The `dns` step: the addresses of the name the connection goes to first
 * (the proxy's, when one is used; the proxy resolves the server's name itself).
 */
export async function resolveName(host: string, via: { proxy: string | null; serverHost: string }, signal: AbortSignal): Promise<StepOutcome> {
  const whose = via.proxy === null ? host : `the proxy ${host}`;
  const proxyNote = via.proxy === null ? '' : ` Requests go through the proxy ${via.proxy}, which resolves ${via.serverHost} itself.`;
  if (isIP(host) !== 0) return skip(`${host} is an IP address; there is no name to resolve.${proxyNote}`);
  if (host.length > MAX_NAME_CHARS) {
    return failed('invalid-url', `The name ${host.slice(0, 60)}… is ${host.length} characters long; no name in DNS is longer than ${MAX_NAME_CHARS}.`, 'Check the URL: it was probably pasted with something else.');
  }
  try {
    const addresses = await withDeadline(lookup(host, { all: true }), signal);
    return ok(`${whose} is at ${addresses.map((entry) => entry.address).join(', ')}.${proxyNote}`);
  } catch (error) {
    if (signal.aborted) return failed('timeout', `The name ${host} was not resolved in time.`, 'Check your network connection and DNS settings (a VPN may be needed), then test again.');
    const code = errorCode(error);
    return failed(
      'unreachable',
      `The name ${host} could not be found${code ? ` (${code})` : ''}.`,
      via.proxy === null
        ? 'Check the spelling of the URL. If the server is on a company network, connect to it (VPN) and test again.'
        : "Check the proxy's address in Settings › General › Proxy, or the HTTPS_PROXY variable.",
    );
  }
}
