import type { ModelCapabilities } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { getCapabilities } from '../lib/playground-calls';
import type { PlaygroundTarget } from '../lib/playground-run';

/**
 * What the chosen model's metadata says it takes, or null while it is being
 * read or when it could not be: the optional controls then stay hidden, as
 * for a model nobody says anything about.
 */
export function usePlaygroundCapabilities(target: PlaygroundTarget | null): ModelCapabilities | null {
  const [read, setRead] = useState<{ for: PlaygroundTarget; capabilities: ModelCapabilities } | null>(null);
  useEffect(() => {
    if (!target) return;
    let active = true;
    void getCapabilities(target).then((answer) => {
      if (active && answer.ok) setRead({ for: target, capabilities: answer.value });
    });
    return () => {
      active = false;
    };
  }, [target]);
  return read && read.for === target ? read.capabilities : null;
}
