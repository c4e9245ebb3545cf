import type { InstanceId } from '@switchboard/shared';
import { HttpFailure, type FetchLike } from '../http/index.js';
import type { NetworkRoutes } from './network-route.js';

/**
 * A fetch for one platform instance (or the app, for null) that asks for the
 * route at each request, so a change in the network settings counts from the
 * next one. A setting that cannot be used fails the request with its sentence.
 */
export function routedFetch(routes: NetworkRoutes, instanceId: InstanceId | null): FetchLike {
  return async (url, init) => {
    const route = await routes.routeFor(instanceId);
    if (!route.ok) throw new HttpFailure(route.error.kind, route.error.message);
    return route.value.fetch(url, init);
  };
}
