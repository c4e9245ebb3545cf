import type { LiteLLMConfigView } from '@switchboard/shared';
import { useEffect, useRef } from 'react';
import type { ModelCatalog } from './useModelCatalog';

/**
 * Once per launch, for a saved connection: show the cached list at once, then
 * ask the proxy, whatever the cache's age, so a model that has disappeared
 * since the last run is reported in the header without opening Settings.
 */
export function useLaunchCheck(config: LiteLLMConfigView | null | undefined, catalog: ModelCatalog): void {
  const decided = useRef(false);
  const { showCached, refresh } = catalog;
  useEffect(() => {
    // Only the config read at launch counts: connecting later in Settings fetches by itself.
    if (config === undefined || decided.current) return;
    decided.current = true;
    if (!config?.connected) return;
    const url = config.url;
    void showCached().then(() => refresh(url, 'background'));
  }, [config, showCached, refresh]);
}
