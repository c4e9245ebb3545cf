import { isChannel, type SwitchboardBridge } from '@switchboard/shared';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

function describe(channel: unknown): string {
  return typeof channel === 'string' ? `"${channel}"` : `a ${typeof channel}`;
}

/**
 * `window.switchboard`: one `invoke` that only ever sends contract channels,
 * so the page cannot reach any other IPC listener in main.
 */
export function createBridge(invoke: Invoke): SwitchboardBridge {
  return {
    invoke: ((channel: unknown, input?: unknown) => {
      if (!isChannel(channel)) return Promise.reject(new Error(`Switchboard has no channel ${describe(channel)}.`));
      return invoke(channel, input);
    }) as SwitchboardBridge['invoke'],
  };
}
