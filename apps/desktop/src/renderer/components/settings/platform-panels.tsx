import type { LiteLLMConfigView } from '@switchboard/shared';
import type { ComponentType } from 'react';
import { LiteLLMPanel } from '../litellm/LiteLLMPanel';

export interface PlatformPanelProps {
  onConfigChange(view: LiteLLMConfigView): void;
}

/** The settings panel of each available platform, by platform id (see `lib/platforms.ts`). */
export const platformPanels: Readonly<Record<string, ComponentType<PlatformPanelProps>>> = {
  litellm: LiteLLMPanel,
};
