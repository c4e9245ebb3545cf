import { certificateDay, type CertificateSummary } from '@switchboard/shared';
import type { PeerCertificate } from 'node:tls';

/** "CN=proxy.corp, O=Corp": the fields in the order a certificate viewer shows them. */
function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([field, value]) => `${field}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ')
    .slice(0, 1024);
}

/** OpenSSL's "Nov 29 17:03:03 2027 GMT" as ISO 8601, the contract's form; the text as given when it is not a date. */
function isoDate(text: string | undefined): string {
  const time = Date.parse(text ?? '');
  return Number.isNaN(time) ? String(text ?? '').slice(0, 100) : new Date(time).toISOString();
}

export function summariseCertificate(peer: PeerCertificate): CertificateSummary {
  const subject = distinguishedName(peer.subject);
  const issuer = distinguishedName(peer.issuer);
  return {
    subject,
    issuer,
    validFrom: isoDate(peer.valid_from),
    validTo: isoDate(peer.valid_to),
    selfSigned: subject !== '' && subject === issuer,
    fingerprint: String(peer.fingerprint256 ?? '').slice(0, 200),
  };
}

/** The day a certificate ends, as a person writes it: 2027-03-01. */
export function expiryDay(summary: CertificateSummary): string {
  return certificateDay(summary.validTo);
}

export type CertificateProblem = 'expired' | 'not-yet-valid' | 'wrong-name' | 'self-signed' | 'unknown-authority';

/**
 * What is wrong with a certificate that failed verification. The facts of the
 * certificate come first (an expired self-signed one is above all expired),
 * then what OpenSSL said.
 */
export function certificateProblem(summary: CertificateSummary, code: string | undefined, now: number): CertificateProblem {
  const until = Date.parse(summary.validTo);
  const from = Date.parse(summary.validFrom);
  if (code === 'CERT_HAS_EXPIRED' || (!Number.isNaN(until) && until < now)) return 'expired';
  if (code === 'CERT_NOT_YET_VALID' || (!Number.isNaN(from) && from > now)) return 'not-yet-valid';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'wrong-name';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || summary.selfSigned) return 'self-signed';
  return 'unknown-authority';
}

const TRUST_FIX = "If your company gave you a CA certificate for this server, choose it with Trust a CA file… in this platform's network settings, then test again.";

/** The sentence and the fix for a certificate this computer did not accept. */
export function certificateSentence(problem: CertificateProblem, summary: CertificateSummary, host: string): { detail: string; fix: string } {
  const named = `The certificate of ${host} (${summary.subject || 'no subject'}, issued by ${summary.issuer || 'nobody named'}, valid until ${expiryDay(summary)})`;
  switch (problem) {
    case 'expired':
      return { detail: `${named} has expired.`, fix: "Ask the server's administrator to renew the certificate; trusting a CA file does not make an expired certificate valid." };
    case 'not-yet-valid':
      return { detail: `${named} is not valid yet (from ${summary.validFrom}).`, fix: "Check this computer's clock and date; if they are right, ask the server's administrator about the certificate." };
    case 'wrong-name':
      return { detail: `${named} is for another name than ${host}.`, fix: `Use the name the certificate was issued for in the URL, or ask the server's administrator for a certificate that names ${host}.` };
    case 'self-signed':
      return { detail: `${named} is self-signed, so this computer cannot tell it from an impostor's.`, fix: TRUST_FIX };
    case 'unknown-authority':
      return { detail: `${named} was issued by an authority this computer does not trust (often a company's own CA, or a proxy that inspects TLS).`, fix: TRUST_FIX };
  }
}
