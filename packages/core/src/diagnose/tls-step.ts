import type { Duplex } from 'node:stream';
import { certificateProblem, certificateSentence, expiryDay } from './certificate.js';
import { handshake, isPlainHttpAnswer } from './handshake.js';
import { openTunnel } from './open-tunnel.js';
import { failed, hostPort, ok, type StepOutcome, type Target } from './step-outcome.js';

type Proxy = { url: string; authorization: string | null } | null;

/** Whether the target's port completes a TLS handshake at all (certificate not checked, nothing sent). */
export async function speaksTls(target: Target, proxy: Proxy, signal: AbortSignal): Promise<boolean> {
  const tunnel = await openTunnel(target, proxy, signal);
  if (!tunnel.ok) return false;
  return (await handshake(tunnel.socket, target.host, null, false, signal)).ok;
}

/**
 * The `tls` step over the socket the `tcp` step opened: the system's CAs and
 * the platform's own, the name checked. A certificate that fails is read from
 * a second connection that only completes the handshake, so the sentence can
 * name it (and the page can offer to trust a CA file).
 */
export async function checkTls(
  socket: Duplex,
  target: Target,
  baseUrl: string,
  proxy: Proxy,
  extraCa: readonly string[] | null,
  deadline: () => AbortSignal,
  now: number,
): Promise<StepOutcome> {
  const where = hostPort(target);
  const signal = deadline();
  const shaken = await handshake(socket, target.host, extraCa, true, signal);
  if (shaken.ok) {
    const certificate = shaken.certificate;
    const said = certificate === null ? '' : `, ${certificate.subject}, issued by ${certificate.issuer}, expires ${expiryDay(certificate)}`;
    return ok(`${shaken.protocol}${said}.`);
  }
  if (signal.aborted) return failed('timeout', `${where} did not complete a TLS handshake in time.`, 'Check that the server speaks https on this port.');
  if (isPlainHttpAnswer(shaken)) {
    const suggestedUrl = baseUrl.replace(/^https:/i, 'http:');
    return failed('tls', `${where} answers plain HTTP, not TLS (${shaken.code ?? 'wrong version number'}): the URL says https:// but the server speaks http://.`, `Use ${suggestedUrl}.`, { suggestedUrl });
  }
  const second = await openTunnel(target, proxy, deadline());
  const offered = second.ok ? await handshake(second.socket, target.host, null, false, deadline()) : null;
  if (offered?.ok === true && offered.certificate !== null) {
    const problem = certificateProblem(offered.certificate, shaken.code, now);
    const { detail, fix } = certificateSentence(problem, offered.certificate, target.host);
    return failed('tls', detail, fix, { certificate: offered.certificate });
  }
  return failed(
    'tls',
    `The secure connection to ${where} failed${shaken.code ? ` (${shaken.code})` : ''}, before a certificate could be read.`,
    'Check that the server speaks https on this port; on a company network, a proxy that inspects TLS may need its CA (Trust a CA file…).',
  );
}
