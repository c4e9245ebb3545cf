/**
 * JSON as Python's json.dumps writes it by default: ", " and ": " between items, non-ASCII escaped
 * as \uXXXX. LiteLLM's Anthropic stream is written this way, so a test can compare bytes.
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return asciiString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  return `{${entries.map(([key, item]) => `${asciiString(key)}: ${pythonJson(item)}`).join(', ')}}`;
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
