/** Splits a reply the way token streams arrive: "Hi from upstream" -> "Hi", " from", " upstream". */
export function replyChunks(reply: string): string[] {
  const chunks = reply.match(/\s*\S+/g);
  if (!chunks) return [reply];
  const rest = reply.slice(chunks.join('').length);
  if (rest) chunks[chunks.length - 1] += rest;
  return chunks;
}

export function parseJsonObject(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
