import { z } from 'zod';

/**
 * Every failure that reaches the UI is one of these kinds plus a sentence a
 * person can act on. Kinds let the UI (and tests) branch without parsing text.
 */
const ProxyErrorKindSchema = z.enum([
  'invalid-url',
  'unreachable',
  'timeout',
  'tls',
  'unauthorized',
  'not-found',
  'not-a-proxy',
  'bad-response',
  'too-large',
  'redirect',
  'server-error',
  'keychain',
  /** The keychain is there but locked: the person has to unlock it. */
  'keychain-locked',
  /** The keychain refused Switchboard access (a dismissed prompt, a policy). */
  'keychain-denied',
  /** The keychain did not answer within its deadline. */
  'keychain-timeout',
  /** A typed value (a key, a URL) that cannot be sent as it is. */
  'invalid-input',
  /** The proxy is rate-limiting (HTTP 429). */
  'rate-limited',
  'not-configured',
  'config-invalid',
  'config-write',
]);
export type ProxyErrorKind = z.infer<typeof ProxyErrorKindSchema>;

export const ProxyErrorSchema = z.object({
  kind: ProxyErrorKindSchema,
  message: z.string(),
  /** A URL that would likely work instead (the origin of a pasted admin page): offered in one click. */
  suggestedUrl: z.string().optional(),
});
export type ProxyError = z.infer<typeof ProxyErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProxyError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ProxyErrorSchema }),
  ]);
}

export const fail = (kind: ProxyErrorKind, message: string): { ok: false; error: ProxyError } => ({
  ok: false,
  error: { kind, message },
});
