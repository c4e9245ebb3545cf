import { z } from 'zod';
import { keyProblem, MAX_KEY_LENGTH } from './key-problem.js';

/**
 * What the user means about the API key when they act: keep the one already
 * in the keychain, use none (which also forgets a stored one on save), or use
 * the one just typed. The renderer never sees a stored key, so "keep" has to
 * be said explicitly rather than by sending the key back.
 */
export const KeyInputSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('stored') }),
  z.object({ mode: z.literal('none') }),
  z.object({
    mode: z.literal('provided'),
    value: z
      .string()
      .trim()
      .min(1, 'The API key is empty.')
      .max(MAX_KEY_LENGTH, `The API key is longer than ${MAX_KEY_LENGTH} characters.`)
      .superRefine((value, context) => {
        const problem = keyProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  }),
]);
export type KeyInput = z.infer<typeof KeyInputSchema>;
