import type { PeerCertificate } from 'node:tls';
import { certificateDay } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { expiryDay, summariseCertificate } from '../../src/diagnose/certificate.js';

/** What Node's getPeerCertificate() gives for a self-signed leaf, with OpenSSL's date format. */
const peer = {
  subject: { CN: 'litellm.corp.test', O: 'Corp' },
  issuer: { CN: 'litellm.corp.test', O: 'Corp' },
  valid_from: 'Nov 29 17:03:03 2026 GMT',
  valid_to: 'Nov 29 17:03:03 2027 GMT',
  fingerprint256: 'AB:CD',
} as unknown as PeerCertificate;

describe('a certificate as Test Connection describes it', () => {
  it("gives the contract's ISO dates, not OpenSSL's, so the page and the CA file's summary read alike", () => {
    const summary = summariseCertificate(peer);
    expect(summary).toEqual({
      subject: 'CN=litellm.corp.test, O=Corp',
      issuer: 'CN=litellm.corp.test, O=Corp',
      validFrom: '2026-11-29T17:03:03.000Z',
      validTo: '2027-11-29T17:03:03.000Z',
      selfSigned: true,
      fingerprint: 'AB:CD',
    });
    expect(expiryDay(summary)).toBe('2027-11-29');
  });

  it.each([
    ['2036-11-26T17:03:03.000Z', '2036-11-26'],
    ['Nov 29 17:03:03 2027 GMT', '2027-11-29'],
    ['not a date', 'not a date'],
    ['', ''],
  ])('shows %j as the day %j', (date, day) => {
    expect(certificateDay(date)).toBe(day);
  });
});
