import { parseInstanceId } from '@switchboard/shared';
import { customPlatform } from './custom/custom-platform.js';
import { litellmPlatform } from './litellm/litellm-platform.js';
import { openrouterPlatform } from './openrouter/openrouter-platform.js';
import type { Platform } from './platform.js';

/** The platform an instance id belongs to (LiteLLM, OpenRouter, or a custom OpenAI-compatible endpoint); null for what is not an instance id. */
export function platformOf(instanceId: string): Platform | null {
  const parsed = parseInstanceId(instanceId);
  if (!parsed) return null;
  if (parsed.platform === 'litellm') return litellmPlatform;
  if (parsed.platform === 'openrouter') return openrouterPlatform;
  return customPlatform;
}
