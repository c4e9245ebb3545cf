/** Removes a secret from text that may be shown or logged (a proxy may echo the key it refused). */
export function redact(text: string, secret: string | null): string {
  if (!secret) return text;
  return text.split(secret).join('[redacted]');
}
