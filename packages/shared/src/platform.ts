import { z } from 'zod';

/** The proxy platforms Switchboard can connect to; also the keychain account names. */
export const PlatformIdSchema = z.enum(['litellm']);
export type PlatformId = z.infer<typeof PlatformIdSchema>;

export const DEFAULT_LITELLM_URL = 'http://localhost:4000';
