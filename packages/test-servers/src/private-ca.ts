import { generate } from 'selfsigned';

/** A certificate and its key, PEM. */
export interface CertificatePair {
  cert: string;
  key: string;
}

export interface PrivateCa extends CertificatePair {
  /** A server certificate signed by this CA, valid for `hosts` (names and IP addresses) and 127.0.0.1. */
  issue(hosts: readonly string[]): Promise<CertificatePair>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function altNames(hosts: readonly string[]): { type: 2 | 7; value?: string; ip?: string }[] {
  const all = [...new Set([...hosts, '127.0.0.1'])];
  return all.map((host) => (IPV4.test(host) || host.includes(':') ? { type: 7, ip: host } : { type: 2, value: host }));
}

function serverExtensions(hosts: readonly string[]) {
  return [
    { name: 'basicConstraints' as const, cA: false },
    { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage' as const, serverAuth: true },
    { name: 'subjectAltName' as const, altNames: altNames(hosts) },
  ];
}

async function leaf(hosts: readonly string[], extra: Parameters<typeof generate>[1] = {}): Promise<CertificatePair> {
  const name = hosts[0] ?? '127.0.0.1';
  const pems = await generate([{ name: 'commonName', value: name }], {
    algorithm: 'sha256',
    keySize: 2048,
    extensions: serverExtensions(hosts),
    ...extra,
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * A company's private CA, as IT would hand it out: tests give Switchboard its
 * certificate as a platform's CA file and put a leaf it signed on a TLS server.
 */
export async function createPrivateCa(commonName = 'Switchboard Test Corp Root CA'): Promise<PrivateCa> {
  const pems = await generate([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Switchboard Test Corp' }], {
    algorithm: 'sha256',
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 3650 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const ca = { cert: pems.cert, key: pems.private };
  return { ...ca, issue: (hosts) => leaf(hosts, { ca }) };
}

/** A server certificate signed by nobody but itself: what a gateway with a home-made certificate offers. */
export function selfSignedLeaf(hosts: readonly string[]): Promise<CertificatePair> {
  return leaf(hosts);
}

/** A self-signed server certificate whose validity ended yesterday. */
export function expiredLeaf(hosts: readonly string[]): Promise<CertificatePair> {
  const now = Date.now();
  return leaf(hosts, { notBeforeDate: new Date(now - 30 * DAY_MS), notAfterDate: new Date(now - DAY_MS) });
}
