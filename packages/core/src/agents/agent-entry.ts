import { fail, type InstanceId, type Result } from '@switchboard/shared';
import type { PlatformRegistry } from '../api/platform-registry.js';
import type { ApiServices } from '../api/services.js';
import { apiKeyEnvVariable } from '../opencode/index.js';
import { keyCommandFor } from '../key-command.js';
import type { AgentEntry } from './agent-target.js';

/**
 * What a target may write for one instance: its saved connection, the model
 * chosen with Use This Model, the small model picked for it (opencode's
 * setting, where that model is still listed), and the catalog's models. The
 * key itself is never read here.
 */
export async function buildAgentEntry(registry: PlatformRegistry, services: ApiServices, instanceId: InstanceId): Promise<Result<AgentEntry>> {
  const instance = registry(instanceId);
  const saved = instance?.service.saved();
  if (!instance || !saved?.selectedModel) {
    const name = instance?.displayName ?? instanceId;
    return fail('not-configured', `Choose a model of ${name} and press Use This Model first; then Switchboard can write it into the agent's config.`);
  }
  const models = await instance.service.knownModels();
  if (!models.ok) return models;
  const picked = services.settings.read().opencode.smallModels[instanceId] ?? null;
  return {
    ok: true,
    value: {
      instanceId,
      platformName: instance.displayName,
      rootUrl: saved.url,
      openAIBaseUrl: instance.platform.openAIBaseUrl(saved.url),
      modelId: saved.selectedModel,
      smallModelId: picked !== null && models.value.some((model) => model.id === picked) ? picked : null,
      models: models.value,
      keyVariable: apiKeyEnvVariable(instanceId),
      keyCommand: keyCommandFor(instanceId),
    },
  };
}
