import { customInstanceId, endpointIdOf, fail, PLATFORM_VERBS, slugify, type CustomEndpointView, type PlatformVerb, type SwitchboardApi } from '@switchboard/shared';
import { applyUserLimits } from '../catalog/apply-user-limits.js';
import { RESERVED_PROVIDER_IDS } from '../opencode/index.js';
import { customPlatform } from '../platforms/custom/custom-platform.js';
import { guard } from './guard.js';
import { verbHandler } from './platform-channels.js';
import { createPlatformService, type PlatformService } from './platform-service.js';
import type { RoutedServices } from './services.js';

type CustomApi = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `custom:${string}`>>;
type CustomVerbApi = Pick<SwitchboardApi, `custom:${PlatformVerb}`>;

// Testing an endpoint that has no id yet still needs a service (for its listing), never a key account.
const UNSAVED = '__unsaved__';

/**
 * Any number of OpenAI-compatible endpoints side by side, each with its own
 * name, instance id (its keychain account), settings and cache. Each is the
 * same platform service LiteLLM and OpenRouter use.
 */
export function createCustomEndpoints(services: RoutedServices): {
  channels: CustomApi;
  lookup(endpointId: string): PlatformService | null;
  /** The service an endpoint without an id is tested on, by either Test Connection. */
  unsaved(): PlatformService;
} {
  const byId = new Map<string, PlatformService>();
  const limitsOf = (id: string) => services.settings.read().platforms[customInstanceId(id)]?.modelLimits ?? {};
  const service = (id: string): PlatformService => {
    let found = byId.get(id);
    if (!found) {
      found = createPlatformService(services, {
        platform: customPlatform,
        instanceId: customInstanceId(id),
        defaultUrl: 'http://localhost:8000',
        adjust: (models) => applyUserLimits(models, limitsOf(id)),
      });
      byId.set(id, found);
    }
    return found;
  };
  const endpointIds = () =>
    Object.keys(services.settings.read().platforms)
      .map(endpointIdOf)
      .filter((id) => id !== null);
  const view = async (id: string): Promise<CustomEndpointView> => {
    const saved = service(id).saved();
    return { ...(await service(id).getConfig()), id, name: saved?.name ?? id, modelLimits: saved?.modelLimits ?? {} };
  };
  const unknown = (id: string) => fail('not-configured', `There is no custom endpoint "${id}". It may have been removed.`);
  const exists = (id: string) => service(id).saved() !== undefined;

  // Each verb of the contract, on the endpoint its input names; the rest of the input is the verb's own.
  const verbChannels = Object.fromEntries(
    PLATFORM_VERBS.map((verb) => [
      `custom:${verb}`,
      ({ endpointId, ...input }: { endpointId?: string | undefined }) => verbHandler(service(endpointId ?? UNSAVED), verb)(input),
    ]),
  ) as unknown as CustomVerbApi;

  const channels: CustomApi = {
    ...verbChannels,
    'custom:list-endpoints': async () => Promise.all(endpointIds().map(view)),

    'custom:save-endpoint': async ({ endpointId, name, url, key, selectedModel }) => {
      if (endpointId !== undefined && !exists(endpointId)) return unknown(endpointId);
      // The id is also the endpoint's key in opencode's config: it must not be one opencode already has.
      const taken = new Set([...endpointIds(), ...RESERVED_PROVIDER_IDS]);
      let id = endpointId ?? slugify(name);
      for (let n = 2; endpointId === undefined && taken.has(id); n += 1) id = `${slugify(name).slice(0, 36)}-${n}`;
      const saved = await service(id).setConfig({ url, key, selectedModel }, { name });
      return saved.ok ? { ok: true, value: await view(id) } : saved;
    },

    'custom:set-model-limits': async ({ endpointId, modelId, limits }) => {
      if (!exists(endpointId)) return unknown(endpointId);
      return guard(async () => {
        const settings = services.settings.read();
        const instanceId = customInstanceId(endpointId);
        const current = settings.platforms[instanceId];
        if (!current) throw new Error('endpoint vanished');
        const { [modelId]: _previous, ...others } = current.modelLimits ?? {};
        const cleared = limits.contextLength === null && limits.maxOutputTokens === null;
        const modelLimits = cleared ? others : { ...others, [modelId]: limits };
        services.settings.write({ ...settings, platforms: { ...settings.platforms, [instanceId]: { ...current, modelLimits } } });
        return view(endpointId);
      });
    },
  };
  return { channels, lookup: (endpointId) => (exists(endpointId) ? service(endpointId) : null), unsaved: () => service(UNSAVED) };
}
