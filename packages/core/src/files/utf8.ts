/**
 * The byte offset of the first sequence that is not UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF count as invalid, as in
 * TextDecoder's fatal mode), or -1 when all of it is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return index;
    // The second byte's range is narrowed for the leads that would otherwise allow overlongs, surrogates or > U+10FFFF.
    min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    if (lead === 0xed) max = 0x9f;
    else if (lead === 0xf4) max = 0x8f;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < min || byte > max) return index;
      min = 0x80;
      max = 0xbf;
    }
    index += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset, counting only the valid text before it. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** Strict UTF-8 decoding; a byte-order mark is kept as U+FEFF so the file can be written back as it was. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; offset: number; line: number; column: number } {
  const offset = firstInvalidUtf8(bytes);
  if (offset >= 0) return { ok: false, offset, ...bytePosition(bytes, offset) };
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}
