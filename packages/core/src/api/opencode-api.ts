import { existsSync } from 'node:fs';
import { fail, opencodeRoute, type InstanceId, type OpencodeSettingsView, type Result, type SwitchboardApi } from '@switchboard/shared';
import {
  apiKeyEnvVariable,
  applyOpencodeConfig,
  buildProviderEntry,
  opencodeProviderId,
  OPENCODE_CONFIG_ENV,
  PLAIN_KEY_WARNING,
  previewOpencodeConfig,
  previewView,
  resolveOpencodeConfigPath,
  responsesOnlyLeftOut,
  type ApiKeySource,
  type OpencodeConfigPreview,
} from '../opencode/index.js';
import { agentHeaders, headerValues } from '../agents/agent-entry.js';
import { envReference } from '../opencode/api-key-env.js';
import { checkChosenConfigPath } from '../opencode/check-config-path.js';
import { guardResult } from './guard.js';
import type { PlatformRegistry } from './platform-registry.js';
import type { ApiServices } from './services.js';

type OpencodeApi = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `opencode:${string}`>>;

const RUN_COMMAND = 'pnpm switchboard run -- opencode';

/**
 * Writing opencode's config for the chosen model: settings (path, sync,
 * plain-key opt-in), a preview as a diff, and the write itself. The file
 * text never leaves the main process; the renderer sees a masked diff.
 */
export function createOpencodeApi(services: ApiServices, registry: PlatformRegistry, home: string): OpencodeApi {
  const opencodeSettings = () => services.settings.read().opencode;
  const configPath = () => resolveOpencodeConfigPath(services.env, home, existsSync, opencodeSettings().configPath);

  const view = (): OpencodeSettingsView => {
    const current = opencodeSettings();
    return {
      configPath: configPath(),
      chosenPath: current.configPath,
      overriddenByEnv: Boolean(services.env[OPENCODE_CONFIG_ENV]?.trim()),
      sync: current.sync ?? false,
      writeKeyInFile: current.writeKeyInFile,
      runCommand: RUN_COMMAND,
      plainKeyWarning: PLAIN_KEY_WARNING,
      smallModels: current.smallModels,
      writeResponsesOnly: current.writeResponsesOnly,
    };
  };

  const plan = async (instanceId: InstanceId, smallModel: string | null | undefined): Promise<Result<OpencodeConfigPreview>> => {
    const instance = registry(instanceId);
    const saved = instance?.service.saved();
    if (!instance || !saved?.selectedModel) {
      return fail('not-configured', 'Choose a model and press Use This Model first; then Switchboard can write it into opencode.');
    }
    const models = await instance.service.knownModels();
    if (!models.ok) return models;
    const { writeResponsesOnly } = opencodeSettings();
    // A small model the platform no longer lists, or that the entry leaves out, is left out rather than breaking the write.
    const wanted = smallModel === undefined ? (opencodeSettings().smallModels[instanceId] ?? null) : smallModel;
    const small = wanted !== null && models.value.some((model) => model.id === wanted && opencodeRoute(model, writeResponsesOnly) !== null) ? wanted : null;
    const key = await services.secrets.get(instanceId);
    const apiKey: ApiKeySource =
      key === null ? { kind: 'none' } : opencodeSettings().writeKeyInFile ? { kind: 'plain', value: key } : { kind: 'env', variable: apiKeyEnvVariable(instanceId) };
    const provider = buildProviderEntry({
      displayName: instance.displayName,
      baseURL: instance.platform.openAIBaseUrl(saved.url),
      models: models.value,
      apiKey,
      writeResponsesOnly,
      // A secret header is never written: `switchboard run` sets its variable from the keychain, as it does the key's.
      headers: headerValues(agentHeaders(instanceId, services.settings.read().network.platforms[instanceId]), envReference),
    });
    return previewOpencodeConfig({
      filePath: configPath(),
      providerId: opencodeProviderId(instanceId),
      provider,
      modelId: saved.selectedModel,
      smallModelId: small,
      responsesOnlyLeftOut: responsesOnlyLeftOut(models.value, writeResponsesOnly),
    });
  };

  return {
    'opencode:get-settings': async () => view(),

    'opencode:set-settings': async (changes) => {
      if (changes.configPath) {
        const checked = await checkChosenConfigPath(changes.configPath, home);
        if (!checked.ok) return checked;
      }
      const settings = services.settings.read();
      const next = { ...settings.opencode };
      if (changes.configPath !== undefined) next.configPath = changes.configPath === '' ? null : changes.configPath;
      if (changes.sync !== undefined) next.sync = changes.sync;
      if (changes.writeKeyInFile !== undefined) next.writeKeyInFile = changes.writeKeyInFile;
      if (changes.writeResponsesOnly !== undefined) next.writeResponsesOnly = changes.writeResponsesOnly;
      if (changes.smallModel !== undefined) {
        const { instanceId, model } = changes.smallModel;
        const { [instanceId]: _previous, ...others } = next.smallModels;
        next.smallModels = model === null ? others : { ...others, [instanceId]: model };
      }
      services.settings.write({ ...settings, opencode: next });
      return { ok: true, value: view() };
    },

    'opencode:preview': ({ instanceId, smallModel }) =>
      guardResult(async () => {
        const preview = await plan(instanceId, smallModel);
        return preview.ok ? { ok: true, value: previewView(preview.value) } : preview;
      }),

    'opencode:write': ({ instanceId, smallModel, fingerprint }) =>
      guardResult(async () => {
        const preview = await plan(instanceId, smallModel);
        if (!preview.ok) return preview;
        if (fingerprint !== null && preview.value.fingerprint !== fingerprint) {
          return fail('config-write', `${preview.value.filePath} would change differently from what you reviewed. Look at the new change, then write it.`);
        }
        const written = await applyOpencodeConfig(preview.value);
        if (!written.ok) return written;
        const settings = services.settings.read();
        // Once written, keeping the file in step with Use This Model is what a person expects, unless they said otherwise.
        if (settings.opencode.sync === null) services.settings.write({ ...settings, opencode: { ...settings.opencode, sync: true } });
        return { ok: true, value: { ...written.value, settings: view() } };
      }),
  };
}
