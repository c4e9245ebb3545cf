import { HttpFailure } from './http-error.js';

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

function tooLarge(origin: string, maxBytes: number): HttpFailure {
  return new HttpFailure(
    'too-large',
    `${origin} sent more than ${formatMiB(maxBytes)}, which is far more than a model list should be. Check that the URL points at your proxy.`,
  );
}

/** Reads a response body as text, giving up as soon as it passes `maxBytes`. */
export async function readCappedBody(response: Response, origin: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(origin, maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(origin, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
