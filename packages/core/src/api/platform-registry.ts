import type { InstanceId } from '@switchboard/shared';
import type { Platform } from '../platforms/platform.js';
import type { PlatformService } from './platform-service.js';

/** A saved platform instance, found by its instance id, for work that spans platforms. */
interface SavedInstance {
  platform: Platform;
  service: PlatformService;
  /** What a person calls it: "LiteLLM", or a custom endpoint's own name. */
  displayName: string;
}

export type PlatformRegistry = (instanceId: InstanceId) => SavedInstance | null;
