import { PLATFORM_VERBS, verbMethod, type BuiltInPlatformId, type PlatformVerb, type SwitchboardApi } from '@switchboard/shared';
import type { PlatformService } from './platform-service.js';

type ChannelsOf<P extends string> = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `${P}:${PlatformVerb}`>>;

/** What a verb's channel calls on a service: the method of the same name (checked by the service's type, which the contract derives). */
export function verbHandler(service: PlatformService, verb: PlatformVerb): (input: unknown) => Promise<unknown> {
  const method = service[verbMethod(verb)] as (input: unknown) => Promise<unknown>;
  return (input) => method(input);
}

/** The channels of a built-in platform (`litellm:*`, `openrouter:*`): one per verb of the contract, bound to its service. */
export function platformChannels<P extends BuiltInPlatformId>(prefix: P, service: PlatformService): ChannelsOf<P> {
  return Object.fromEntries(PLATFORM_VERBS.map((verb) => [`${prefix}:${verb}`, verbHandler(service, verb)])) as unknown as ChannelsOf<P>;
}
