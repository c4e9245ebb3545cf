import type { SwitchboardApi } from '@switchboard/shared';
import type { PlatformService } from './platform-service.js';

type Verb = 'test-connection' | 'fetch-models' | 'fetch-metadata' | 'get-cached-models' | 'get-config' | 'set-config' | 'disconnect';
type ChannelsOf<P extends string> = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `${P}:${Verb}`>>;

/** The channels of a built-in platform (`litellm:*`, `openrouter:*`), bound to its service. */
export function platformChannels<P extends 'litellm' | 'openrouter'>(prefix: P, service: PlatformService): ChannelsOf<P> {
  const handlers: Record<Verb, (input: never) => Promise<unknown>> = {
    'test-connection': (input: Parameters<PlatformService['testConnection']>[0]) => service.testConnection(input),
    'fetch-models': () => service.fetchModels(),
    'fetch-metadata': () => service.fetchMetadata(),
    'get-cached-models': () => service.getCachedModels(),
    'get-config': () => service.getConfig(),
    'set-config': (input: Parameters<PlatformService['setConfig']>[0]) => service.setConfig(input),
    disconnect: () => service.disconnect(),
  };
  return Object.fromEntries(Object.entries(handlers).map(([verb, handler]) => [`${prefix}:${verb}`, handler])) as unknown as ChannelsOf<P>;
}
