import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const certsDir: string = join(dirname(fileURLToPath(import.meta.url)), '..', 'certs');

let cached: { key: Buffer; cert: Buffer } | undefined;

/** The committed self-signed pair: generating one per run would need openssl on every machine. */
export function loadTestCertificate(): { key: Buffer; cert: Buffer } {
  cached ??= { key: readFileSync(join(certsDir, 'key.pem')), cert: readFileSync(join(certsDir, 'cert.pem')) };
  return cached;
}
