import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '@switchboard/shared';
import { invokeSafe } from '../lib/bridge';

export type StartupNotice = ChannelOutput<'app:get-notices'>[number];

/**
 * What main found when it opened the stores (a settings file kept aside,
 * entries dropped), asked once per window; each can be dismissed. A failed
 * ask shows nothing: the notices are extra, the app works without them.
 */
export function useStartupNotices(): { notices: StartupNotice[]; dismiss(index: number): void } {
  const [notices, setNotices] = useState<StartupNotice[]>([]);
  useEffect(() => {
    let live = true;
    void invokeSafe('app:get-notices').then((answer) => {
      if (live && answer.ok) setNotices(answer.value);
    });
    return () => {
      live = false;
    };
  }, []);
  const dismiss = useCallback((index: number) => setNotices((shown) => shown.filter((_, at) => at !== index)), []);
  return { notices, dismiss };
}
