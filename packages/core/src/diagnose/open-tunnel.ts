import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Client } from 'undici';
import { errorCode, failed, hostPort, isAbort, type StepOutcome, type Target } from './step-outcome.js';

export type Tunnel = { ok: true; socket: Duplex; detail: string } | { ok: false; outcome: StepOutcome };

function direct(target: Target, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: target.host, port: target.port });
    const onAbort = () => {
      socket.destroy();
      reject(signal.reason as Error);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(socket);
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

function directFailure(error: unknown, target: Target, signal: AbortSignal): StepOutcome {
  const where = hostPort(target);
  if (signal.aborted || isAbort(error)) return failed('timeout', `${where} did not accept a connection in time.`, 'Check that the server is running and that no firewall drops the connection; a company network may need its proxy.');
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return failed('unreachable', `Nothing is listening at ${where} (connection refused).`, 'Check that the server is running and that the port in the URL is right.');
  return failed('unreachable', `Could not connect to ${where}${code ? ` (${code})` : ''}.`, 'Check the URL and your network connection.');
}

/**
 * A socket to the target: straight there, or through the proxy with a CONNECT
 * (undici's own, as its proxy agent sends it). The proxy's answer is the
 * sentence: 407 wants credentials, 403 is a refusal by policy.
 */
export async function openTunnel(target: Target, proxy: { url: string; authorization: string | null } | null, signal: AbortSignal): Promise<Tunnel> {
  const where = hostPort(target);
  if (proxy === null) {
    try {
      return { ok: true, socket: await direct(target, signal), detail: `Connected to ${where}.` };
    } catch (error) {
      return { ok: false, outcome: directFailure(error, target, signal) };
    }
  }
  const client = new Client(proxy.url);
  try {
    const headers: Record<string, string> = { host: where };
    if (proxy.authorization !== null) headers['proxy-authorization'] = proxy.authorization;
    const { statusCode, socket } = await client.connect({ path: where, headers, signal });
    if (statusCode === 200) return { ok: true, socket, detail: `Connected to ${where} through the proxy ${proxy.url}.` };
    socket.destroy();
    if (statusCode === 407) {
      return {
        ok: false,
        outcome: failed(
          'unauthorized',
          `The corporate proxy ${proxy.url} refused the CONNECT to ${where}: it wants a user name and password (HTTP 407).`,
          "Enter the proxy's user name and password in Settings › General › Proxy (or in the HTTPS_PROXY address), then test again.",
        ),
      };
    }
    return {
      ok: false,
      outcome: failed(
        'unreachable',
        `The corporate proxy ${proxy.url} refused the CONNECT to ${where} (HTTP ${statusCode}).`,
        statusCode === 403
          ? `Ask your IT department to allow ${where} through the proxy; if the server is reachable without it, add it to NO_PROXY or choose no proxy in Settings › General › Proxy.`
          : "Check the proxy's address in Settings › General › Proxy; if it is right, ask your IT department what the proxy expects.",
      ),
    };
  } catch (error) {
    if (signal.aborted || isAbort(error)) return { ok: false, outcome: failed('timeout', `The proxy ${proxy.url} did not open a connection to ${where} in time.`, "Check that the proxy is running and reachable, or ask your IT department.") };
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') return { ok: false, outcome: failed('unreachable', `Nothing is listening at the proxy ${proxy.url} (connection refused).`, "Check the proxy's address and port in Settings › General › Proxy, or the HTTPS_PROXY variable.") };
    if (code?.startsWith('HPE_') === true || (error instanceof Error && error.name === 'HTTPParserError')) {
      return { ok: false, outcome: failed('bad-response', `The proxy ${proxy.url} answered the CONNECT with something that is not HTTP${code ? ` (${code})` : ''}.`, "Check that the proxy's address points at an HTTP proxy, not at another kind of server.") };
    }
    return { ok: false, outcome: failed('unreachable', `Could not connect through the proxy ${proxy.url}${code ? ` (${code})` : ''}.`, "Check the proxy's address in Settings › General › Proxy, and your network connection.") };
  } finally {
    // The tunnel's socket is ours now; the client has nothing else to do.
    void client.close().catch(() => undefined);
  }
}
