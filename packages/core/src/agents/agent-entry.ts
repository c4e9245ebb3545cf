import { fail, type InstanceId, type Result } from '@switchboard/shared';
import type { PlatformRegistry } from '../api/platform-registry.js';
import type { ApiServices } from '../api/services.js';
import { apiKeyEnvVariable, headerEnvVariable } from '../opencode/index.js';
import { keyCommandFor } from '../key-command.js';
import type { PlatformNetworkSettings } from '../store/settings-schema.js';
import type { AgentEntry, AgentHeader } from './agent-target.js';

/** The instance's custom headers as an agent may carry them: a secret one's value stays in the keychain, named by its variable. */
export function agentHeaders(instanceId: InstanceId, network: PlatformNetworkSettings | undefined): AgentHeader[] {
  return (network?.headers ?? []).map((header) =>
    header.secret
      ? { name: header.name, secret: true, variable: headerEnvVariable(instanceId, header.name) }
      : { name: header.name, secret: false, value: header.value ?? '' },
  );
}

/** The headers as a file's name → value map, each secret one as the agent's own reference to its variable (`{env:…}`, `${{ secrets.… }}`). */
export function headerValues(headers: readonly AgentHeader[], reference: (variable: string) => string): Record<string, string> {
  // fromEntries defines own keys: a header called "__proto__" stays a header.
  return Object.fromEntries(headers.map((header) => [header.name, header.secret ? reference(header.variable) : header.value]));
}

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
      headers: agentHeaders(instanceId, services.settings.read().network.platforms[instanceId]),
    },
  };
}
