import { z } from 'zod';
import { BUILT_IN_PLATFORM_IDS, ENDPOINT_ID_PATTERN, ENDPOINT_ID_RULE, INSTANCE_ID_PATTERN, type InstanceId } from './instance-id.js';

export const BuiltInPlatformIdSchema = z.enum(BUILT_IN_PLATFORM_IDS);

export const EndpointIdSchema = z.string().regex(ENDPOINT_ID_PATTERN, ENDPOINT_ID_RULE);

/**
 * An instance id as a channel's input. It stays a plain string schema at run
 * time (the property tests walk the contract's schemas by their kind); the
 * pattern makes every value it lets through an {@link InstanceId}.
 */
export const InstanceIdSchema = z.string().regex(INSTANCE_ID_PATTERN) as unknown as z.ZodType<InstanceId, InstanceId>;

