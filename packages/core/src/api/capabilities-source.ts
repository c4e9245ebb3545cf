import { fail, type InstanceId, type ModelCapabilities } from '@switchboard/shared';
import { resolveCapabilities, type CapabilityContext } from '../generate/index.js';
import type { CapabilitiesOf } from './playground-api.js';
import type { PlatformRegistry } from './platform-registry.js';
import { savedConnection, type SavedConnection } from './saved-connection.js';
import { routedFetch } from '../network/routed-fetch.js';
import type { RoutedServices } from './services.js';

/** How long what a proxy said about a model is reused: the form asks on every change of model, and each send asks again. */
const REMEMBER_MS = 5 * 60 * 1000;
const REMEMBER_AT_MOST = 1_000;

export interface ModelCapabilitiesSource {
  /** For the channel: the saved connection is resolved first (keychain included), or its sentence answered. */
  of: CapabilitiesOf;
  /** For a generation already on a connection: no second trip to the keychain, once per model of a check. */
  on(connection: SavedConnection, modelId: string): Promise<ModelCapabilities>;
}

/**
 * What a model of a saved connection takes, asked of its platform (and
 * LiteLLM's public map) and remembered for a few minutes per connection and
 * model.
 */
export function createCapabilitiesSource(registry: PlatformRegistry, services: RoutedServices): ModelCapabilitiesSource {
  // Each instance's requests leave by its own route (proxy, CA file, headers).
  const contextOf = (instanceId: InstanceId): CapabilityContext => ({
    client: { fetch: routedFetch(services.routes, instanceId), timeoutMs: services.timeoutMs, maxBytes: services.maxBytes },
    publicModelMap: services.publicModelMap,
  });
  const remembered = new Map<string, { at: number; capabilities: Promise<ModelCapabilities> }>();
  // The model behind an alias finds it in the public map. The cached list knows it without asking the proxy; it can
  // be megabytes, so it is read once per instance and while it is remembered, not once per model of a check.
  const aliases = new Map<string, { at: number; underlying: Map<string, string | null> }>();
  const underlyingOf = (instanceId: string, modelId: string): string | null => {
    let known = aliases.get(instanceId);
    if (!known || services.now() - known.at >= REMEMBER_MS) {
      const models = services.modelCache.read(instanceId)?.models ?? [];
      known = { at: services.now(), underlying: new Map(models.map((model) => [model.id, model.underlying])) };
      aliases.set(instanceId, known);
    }
    return known.underlying.get(modelId) ?? null;
  };

  const on = (connection: SavedConnection, modelId: string): Promise<ModelCapabilities> => {
    const { instanceId, baseUrl, key } = connection;
    const memo = `${instanceId}\u0000${baseUrl}\u0000${modelId}`;
    const found = remembered.get(memo);
    if (found && services.now() - found.at < REMEMBER_MS) return found.capabilities;
    const capabilities = resolveCapabilities(contextOf(instanceId), { instanceId, baseUrl, key }, modelId, underlyingOf(instanceId, modelId));
    remembered.delete(memo);
    remembered.set(memo, { at: services.now(), capabilities });
    // A Map keeps insertion order: the first key is the oldest.
    if (remembered.size > REMEMBER_AT_MOST) remembered.delete(remembered.keys().next().value as string);
    return capabilities;
  };

  return {
    on,
    of: async (instanceId, modelId) => {
      const connection = await savedConnection(registry, services.secrets, instanceId);
      return connection.ok ? { ok: true, value: await on(connection.value, modelId) } : fail(connection.error.kind, connection.error.message);
    },
  };
}
