import { isChannel, type SwitchboardBridge } from '@switchboard/shared';
import { createStreamBridge, describeChannel, type PostStream } from './stream-bridge.js';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * `window.switchboard`: one `invoke` that only ever sends contract channels
 * and one `stream` that only ever opens stream channels, so the page cannot
 * reach any other IPC listener in main.
 */
export function createBridge(invoke: Invoke, postStream: PostStream): SwitchboardBridge {
  return {
    invoke: ((channel: unknown, input?: unknown) => {
      if (!isChannel(channel)) return Promise.reject(new Error(`Switchboard has no channel ${describeChannel(channel)}.`));
      return invoke(channel, input);
    }) as SwitchboardBridge['invoke'],
    stream: createStreamBridge(postStream),
  };
}
