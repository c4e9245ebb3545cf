import { X509Certificate } from 'node:crypto';
import { NETWORK_LIMITS, fail, type CertificateSummary, type Result } from '@switchboard/shared';
import { FileRefusal, isErrno, readRegularFile } from '../files/index.js';

/** What a CA file holds: the PEM blocks to trust, and how each reads to a person. */
interface CaFileContents {
  pems: string[];
  certificates: CertificateSummary[];
}

export type ReadCaFile = (path: string) => Promise<Result<CaFileContents>>;

const ROLE = 'a CA file';
/** A CA file is on a local disk or a share that answers quickly; one that does not is not worth a hung Save. */
const READ_DEADLINE_MS = 5_000;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?\r?\n-----END CERTIFICATE-----/g;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

function summarize(certificate: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(certificate.subject).slice(0, 1024),
    issuer: oneLine(certificate.issuer).slice(0, 1024),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    selfSigned: certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
    fingerprint: certificate.fingerprint256,
  };
}

/** Certificates in PEM text, or a sentence naming `path` when it holds none, holds a private key, or holds garbage. */
function parseCaPem(text: string, path: string): Result<CaFileContents> {
  // A private key has no business in a file that is handed around as "the company's CA"; saying so may save a leak.
  if (PRIVATE_KEY.test(text)) {
    return fail('invalid-input', `${path} holds a private key, not only certificates. A CA file needs just the CA's certificate: ask for the certificate alone, and keep the key file private.`);
  }
  const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) {
    return fail('invalid-input', `${path} holds no PEM certificate (a block starting "-----BEGIN CERTIFICATE-----"). Choose the CA certificate your IT department gave you, in PEM format (.pem or .crt).`);
  }
  const pems: string[] = [];
  const certificates: CertificateSummary[] = [];
  for (const [index, block] of blocks.entries()) {
    try {
      const certificate = new X509Certificate(block);
      pems.push(block);
      certificates.push(summarize(certificate));
    } catch {
      return fail('invalid-input', `Certificate ${index + 1} in ${path} is damaged and cannot be read. Get a fresh copy of the CA file, then choose it again.`);
    }
  }
  return { ok: true, value: { pems, certificates } };
}

/** Reads a CA file as a regular file only, capped, and parses it; every refusal is a sentence naming the path. */
export const readCaFile: ReadCaFile = async (path) => {
  if (path.length > NETWORK_LIMITS.maxCaFilePathChars || path.includes('\0')) {
    return fail('invalid-input', `The CA file path is longer than ${NETWORK_LIMITS.maxCaFilePathChars} characters or has a NUL in it, so it cannot be a file. Choose the file again.`);
  }
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(path, { maxBytes: NETWORK_LIMITS.maxCaFileBytes, deadlineMs: READ_DEADLINE_MS, role: ROLE });
  } catch (error) {
    if (error instanceof FileRefusal) return fail('invalid-input', error.message);
    if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM')) {
      return fail('invalid-input', `Switchboard may not read ${path}. Copy the CA certificate somewhere your account can read, then choose that copy.`);
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return fail('invalid-input', `${path} could not be read${code ? ` (${code})` : ''}. Check the path, then choose the file again.`);
  }
  if (bytes === null) return fail('invalid-input', `There is no file at ${path}. Check the path, or choose the CA file again.`);
  return parseCaPem(bytes.toString('latin1'), path);
};
