import { useMemo } from 'react';
import type { PlatformCalls } from '../lib/platform-calls';
import type { PlatformInstance } from '../lib/platforms';

/** The instance's calls, the same object for as long as it is the same instance. */
export function usePlatformCalls({ platform, endpointId }: PlatformInstance): PlatformCalls {
  return useMemo(() => platform.calls(endpointId), [platform, endpointId]);
}
