import { z } from 'zod';

/**
 * What the user means about the API key when they act: keep the one already
 * in the keychain, use none (which also forgets a stored one on save), or use
 * the one just typed. The renderer never sees a stored key, so "keep" has to
 * be said explicitly rather than by sending the key back.
 */
export const KeyInputSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('stored') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('provided'), value: z.string().trim().min(1).max(4096) }),
]);
export type KeyInput = z.infer<typeof KeyInputSchema>;
