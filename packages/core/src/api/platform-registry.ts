import type { Platform } from '../platforms/platform.js';
import type { PlatformService } from './platform-service.js';

/** A saved platform instance, found by its id (`litellm`, `openrouter`, `custom:<id>`), for work that spans platforms. */
export interface PlatformInstance {
  platform: Platform;
  service: PlatformService;
  /** What a person calls it: "LiteLLM", or a custom endpoint's own name. */
  displayName: string;
}

export type PlatformRegistry = (instanceId: string) => PlatformInstance | null;
