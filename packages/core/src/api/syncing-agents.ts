import { customInstanceId, type InstanceId, type SwitchboardApi } from '@switchboard/shared';

type PlatformApi = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `litellm:${string}` | `openrouter:${string}` | `custom:${string}`>>;
type NetworkApi = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `network:${string}`>>;

/**
 * The platform channels, with Use This Model (each channel that saves a
 * chosen model) followed by the agents' sync for that instance. The save's
 * answer is the save's own: a sync that fails says so in the Agents tab.
 */
export function syncingAgents(channels: PlatformApi, sync: (instanceId: InstanceId) => Promise<void>): PlatformApi {
  const then = async <T extends { ok: boolean }>(output: T, instanceId: () => InstanceId): Promise<T> => {
    if (output.ok) await sync(instanceId());
    return output;
  };
  return {
    ...channels,
    'litellm:set-config': async (input) => then(await channels['litellm:set-config'](input), () => 'litellm'),
    'openrouter:set-config': async (input) => then(await channels['openrouter:set-config'](input), () => 'openrouter'),
    'custom:set-config': async (input) => then(await channels['custom:set-config'](input), () => customInstanceId(input.endpointId)),
    'custom:save-endpoint': async (input) => {
      const output = await channels['custom:save-endpoint'](input);
      if (output.ok) await sync(customInstanceId(output.value.id));
      return output;
    },
  };
}

/**
 * The network channels, with a platform's network settings saved followed by
 * the agents' sync for that instance: its custom headers are in each agent's
 * entry. As above, the save's answer is the save's own.
 */
export function syncingNetwork(channels: NetworkApi, sync: (instanceId: InstanceId) => Promise<void>): NetworkApi {
  return {
    ...channels,
    'network:set-platform': async (input) => {
      const output = await channels['network:set-platform'](input);
      if (output.ok) await sync(input.instanceId);
      return output;
    },
  };
}
