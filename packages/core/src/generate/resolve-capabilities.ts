import type { InstanceId, ModelCapabilities } from '@switchboard/shared';
import { lookupPublicModel } from '../catalog/public-model-index.js';
import type { PublicModelMap } from '../catalog/public-model-map.js';
import type { ProxyClientOptions } from '../platforms/proxy-client.js';
import { modelCapabilities, NO_CAPABILITY_FACTS, type CapabilityFacts } from './capabilities.js';
import { litellmCapabilitySource, openRouterCapabilitySource } from './capability-sources.js';

export interface CapabilityContext {
  client: ProxyClientOptions;
  publicModelMap: PublicModelMap;
}

/** The saved connection a model is asked about: its platform base URL (not the OpenAI-compatible one) and key. */
export interface CapabilityConnection {
  instanceId: InstanceId;
  baseUrl: string;
  key: string | null;
}

/** LiteLLM's public map on a model, found by its alias or the model behind it, as the catalog finds it. */
async function publicMapSource(map: PublicModelMap, modelId: string, underlying: string | null): Promise<CapabilityFacts> {
  const index = await map.load();
  const found = index ? lookupPublicModel(index, modelId, underlying) : null;
  if (!found) return NO_CAPABILITY_FACTS;
  return { supportedParams: null, supportsResponseSchema: found.supportsResponseSchema, supportsReasoning: found.metadata.supportsReasoning };
}

/**
 * What one model takes, from what its platform says: a LiteLLM proxy (its
 * model group, then its supported-params answer) before LiteLLM's public map;
 * OpenRouter's model list; nothing for a custom endpoint, which says nothing
 * (its requests then carry only what every OpenAI-compatible server takes).
 * Never throws: a source that fails says nothing.
 */
export async function resolveCapabilities(context: CapabilityContext, connection: CapabilityConnection, modelId: string, underlying: string | null): Promise<ModelCapabilities> {
  const { client, publicModelMap } = context;
  const { instanceId, baseUrl, key } = connection;
  if (instanceId === 'litellm') {
    const [proxy, publicMap] = await Promise.all([litellmCapabilitySource(client, baseUrl, key, modelId), publicMapSource(publicModelMap, modelId, underlying)]);
    return modelCapabilities([proxy, publicMap]);
  }
  if (instanceId === 'openrouter') return modelCapabilities([await openRouterCapabilitySource(client, baseUrl, key, modelId)]);
  return modelCapabilities([]);
}
