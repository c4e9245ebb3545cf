import { z } from 'zod';

/** The built-in proxy platforms; also their keychain account names. Custom endpoints are `custom:<slug>`. */
export const PlatformIdSchema = z.enum(['litellm', 'openrouter']);
export type PlatformId = z.infer<typeof PlatformIdSchema>;

export const DEFAULT_LITELLM_URL = 'http://localhost:4000';
export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

/** A custom endpoint's id: lower-case letters, digits and dashes, used in its keychain account and config entry. */
export const EndpointIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (at most 40).');

/** The keychain account and storage key of a custom endpoint. */
export const customInstanceId = (endpointId: string): string => `custom:${endpointId}`;

/** Turns a display name into an endpoint id: "My vLLM box" -> "my-vllm-box". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'endpoint' : slug;
}
