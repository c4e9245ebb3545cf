import type { LiteLLMConfigView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { invokeSafe } from '../lib/bridge';

export interface SavedConfig {
  /** undefined while loading; null when it could not be read. */
  config: LiteLLMConfigView | null | undefined;
  update(view: LiteLLMConfigView): void;
}

/** The saved LiteLLM config as the app shell shows it (header, overview); the settings panel updates it. */
export function useSavedConfig(): SavedConfig {
  const [config, setConfig] = useState<LiteLLMConfigView | null | undefined>(undefined);

  useEffect(() => {
    let active = true;
    void invokeSafe('litellm:get-config').then((outcome) => {
      // A later update from the panel wins over this first read.
      if (active) setConfig((current) => (current === undefined ? (outcome.ok ? outcome.value : null) : current));
    });
    return () => {
      active = false;
    };
  }, []);

  const update = useCallback((view: LiteLLMConfigView) => setConfig(view), []);
  return { config, update };
}
