/**
 * The instance id names one configured connection across every layer: the
 * keychain account, the key in settings and in the model cache, the opencode
 * channels' target. A built-in platform has one instance, named like the
 * platform (`litellm`, `openrouter`); a custom endpoint is `custom:<endpoint id>`.
 * Its grammar is written here and nowhere else: everything else parses and
 * formats through this file (the schemas in instance-id-schema.ts too; this
 * file loads no zod, so the renderer's first screen can use it).
 */
export const BUILT_IN_PLATFORM_IDS = ['litellm', 'openrouter'] as const;
export type BuiltInPlatformId = (typeof BUILT_IN_PLATFORM_IDS)[number];

const ENDPOINT_ID_MAX = 40;
const ENDPOINT_ID_BODY = `[a-z0-9][a-z0-9-]{0,${ENDPOINT_ID_MAX - 1}}`;
const CUSTOM_PREFIX = 'custom:';

/** A custom endpoint's id: lower-case letters, digits and dashes, used in its instance id and opencode's provider entry. */
export const ENDPOINT_ID_PATTERN = new RegExp(`^${ENDPOINT_ID_BODY}$`);
export const ENDPOINT_ID_RULE = `Use lower-case letters, digits and dashes (at most ${ENDPOINT_ID_MAX}).`;

export type InstanceId = BuiltInPlatformId | `${typeof CUSTOM_PREFIX}${string}`;

export const INSTANCE_ID_PATTERN = new RegExp(`^(${BUILT_IN_PLATFORM_IDS.join('|')}|${CUSTOM_PREFIX}${ENDPOINT_ID_BODY})$`);

/** What an instance id says: which platform, and for a custom endpoint which one. */
export type ParsedInstanceId = { [P in BuiltInPlatformId]: { platform: P; endpointId: null } }[BuiltInPlatformId] | { platform: 'custom'; endpointId: string };

/** Reads an instance id; null for anything that is not one. */
export function parseInstanceId(value: string): ParsedInstanceId | null {
  if (!INSTANCE_ID_PATTERN.test(value)) return null;
  if (value.startsWith(CUSTOM_PREFIX)) return { platform: 'custom', endpointId: value.slice(CUSTOM_PREFIX.length) };
  return { platform: value as BuiltInPlatformId, endpointId: null } as ParsedInstanceId;
}

/** The instance id of a custom endpoint. */
export const customInstanceId = (endpointId: string): InstanceId => `${CUSTOM_PREFIX}${endpointId}`;

/**
 * A custom endpoint's id from an instance id, or null for a built-in platform.
 * Unlike {@link parseInstanceId} it does not check the endpoint id's grammar:
 * settings written by hand may hold any key, and each is still that endpoint's.
 */
export function endpointIdOf(instanceId: string): string | null {
  return instanceId.startsWith(CUSTOM_PREFIX) ? instanceId.slice(CUSTOM_PREFIX.length) : null;
}

/** Turns a display name into an endpoint id: "My vLLM box" -> "my-vllm-box". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ENDPOINT_ID_MAX)
    .replace(/-+$/, '');
  return slug === '' ? 'endpoint' : slug;
}
