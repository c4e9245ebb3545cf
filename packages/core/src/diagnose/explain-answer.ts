import { proxyPageSentence } from '@switchboard/shared';
import { frontPageSentence, recogniseFrontPage, recogniseLiteLLMPage } from '../http/proxy-page.js';
import type { ProbeAnswer } from './probe.js';
import { failed, hostPort, type StepOutcome, type Target } from './step-outcome.js';

/** Socket errors a TLS server causes when spoken to in plain HTTP: it closes, or answers bytes that are not HTTP. */
const PLAIN_TO_TLS = /^(UND_ERR_SOCKET|ECONNRESET|EPIPE|HPE_|UND_ERR_CLOSED)/;

export function mayBeTlsPort(answer: ProbeAnswer): boolean {
  return !answer.ok && (answer.code === undefined || PLAIN_TO_TLS.test(answer.code));
}

/** The sentence for http:// sent to a port that speaks TLS, with the https:// address offered. */
export function tlsPortOutcome(baseUrl: string, target: Target): StepOutcome {
  const suggestedUrl = baseUrl.replace(/^http:/i, 'https:');
  return failed(
    'unreachable',
    `${hostPort(target)} speaks TLS (https), but the URL says http://: the server hung up on the plain request.`,
    `Use ${suggestedUrl}.`,
    { suggestedUrl },
  );
}

/**
 * What answered instead of the API, when it can be named: a gateway's
 * sign-in (a redirect to it, or its page), Open WebUI, or LiteLLM's own
 * admin or documentation page. Null when the answer is not one of those.
 */
export function explainAnswer(answer: ProbeAnswer, baseUrl: string, product: string): StepOutcome | null {
  if (!answer.ok) return null;
  const origin = new URL(baseUrl).origin;
  const isRedirect = answer.status >= 300 && answer.status < 400;
  const front = recogniseFrontPage({ location: isRedirect ? answer.location : null, text: answer.text });
  if (front !== null) {
    const { detail, fix } = frontPageSentence(front, origin, product);
    return failed('not-a-proxy', isRedirect && answer.location !== null ? `${detail} (It redirected to ${new URL(answer.location, baseUrl).origin}.)` : detail, fix);
  }
  const page = recogniseLiteLLMPage(answer.text);
  if (page !== null) {
    const sentence = proxyPageSentence(page, origin);
    return origin === baseUrl
      ? failed('not-a-proxy', `${origin} answered with LiteLLM's ${page === 'admin' ? 'admin' : 'documentation'} page instead of data, so something in front of the proxy sends this address to its pages.`, "Use the address at which LiteLLM's API answers.")
      : failed('not-a-proxy', sentence, `Use ${origin}.`, { suggestedUrl: origin });
  }
  if (isRedirect && answer.location !== null) {
    const to = URL.parse(answer.location, baseUrl);
    if (to !== null && to.origin !== origin) {
      return failed('redirect', `${origin} redirected to ${to.origin}, which Switchboard does not follow, so your key was not sent there.`, 'If that address is your proxy, use it as the URL; if it is a sign-in page, ask for an address that takes API keys.');
    }
  }
  return null;
}
