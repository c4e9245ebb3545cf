import type { InstanceId } from '@switchboard/shared';
import type { AgentEntry, AgentHeader } from '../../../../src/agents/agent-target.js';
import { apiKeyEnvVariable, listLiteLLMCatalog, litellmPlatform } from '../../../../src/index.js';

/**
 * The entry Switchboard would write for a LiteLLM test server and one of its models: the catalog as
 * core lists it (so targets that list models get the real list), the key's variable and command, and the custom headers.
 */
export async function litellmEntry(serverUrl: string, key: string, modelId: string, headers: readonly AgentHeader[] = []): Promise<AgentEntry> {
  const client = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 5_000, maxBytes: 16 * 1024 * 1024 };
  const listing = await listLiteLLMCatalog(client, { load: async () => null }, serverUrl, key);
  const instanceId = 'litellm' as InstanceId;
  return {
    instanceId,
    platformName: litellmPlatform.displayName,
    rootUrl: serverUrl,
    openAIBaseUrl: litellmPlatform.openAIBaseUrl(serverUrl),
    modelId,
    smallModelId: null,
    models: await listing.enrich(),
    keyVariable: apiKeyEnvVariable(instanceId),
    keyCommand: `switchboard key ${instanceId}`,
    headers,
  };
}
