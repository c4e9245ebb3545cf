import { describe, expect, test } from 'vitest';
import { customInstanceId, endpointIdOf, parseInstanceId } from '../src/instance-id.js';
import { InstanceIdSchema } from '../src/instance-id-schema.js';

describe('instance id', () => {
  test.each([
    ['litellm', { platform: 'litellm', endpointId: null }],
    ['openrouter', { platform: 'openrouter', endpointId: null }],
    ['custom:my-vllm', { platform: 'custom', endpointId: 'my-vllm' }],
    [`custom:${'a'.repeat(40)}`, { platform: 'custom', endpointId: 'a'.repeat(40) }],
  ])('%s is read as its platform and endpoint', (value, parsed) => {
    expect(parseInstanceId(value)).toEqual(parsed);
    expect(InstanceIdSchema.safeParse(value).success).toBe(true);
  });

  test.each(['', 'LiteLLM', 'litellm\n', 'custom', 'custom:', 'custom:-lab', 'custom:Lab', `custom:${'a'.repeat(41)}`, 'custom:(new)', 'other:lab'])(
    '%j is not an instance id',
    (value) => {
      expect(parseInstanceId(value)).toBeNull();
      expect(InstanceIdSchema.safeParse(value).success).toBe(false);
    },
  );

  test('a custom endpoint id goes in and comes back out', () => {
    expect(customInstanceId('lab')).toBe('custom:lab');
    expect(endpointIdOf(customInstanceId('lab'))).toBe('lab');
    expect(endpointIdOf('litellm')).toBeNull();
  });
});
