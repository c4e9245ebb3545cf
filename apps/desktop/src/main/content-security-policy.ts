/**
 * Adds the policy to response headers. A policy already present is kept:
 * browsers enforce every policy they get, so adding can only tighten.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result = { ...headers };
  const existing = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy');
  if (existing === undefined) result['Content-Security-Policy'] = [policy];
  else result[existing] = [...(result[existing] ?? []), policy];
  return result;
}
