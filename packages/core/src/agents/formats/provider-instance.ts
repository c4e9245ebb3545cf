import { BuiltInPlatformIdSchema, customInstanceId, parseInstanceId, type InstanceId } from '@switchboard/shared';

/**
 * The platform instance a provider id in an opencode-format file stands for
 * (`litellm`, `openrouter`, or a custom endpoint's id), or null when the id is
 * none Switchboard could have written. The inverse of `opencodeProviderId`.
 */
export function instanceOfProvider(providerId: string): InstanceId | null {
  if (BuiltInPlatformIdSchema.safeParse(providerId).success) return providerId as InstanceId;
  const candidate = customInstanceId(providerId);
  return parseInstanceId(candidate) === null ? null : candidate;
}
