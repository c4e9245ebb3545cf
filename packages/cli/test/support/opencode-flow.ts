import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  apiKeyEnvVariable,
  applyOpencodeConfig,
  buildProviderEntry,
  opencodeProviderId,
  previewOpencodeConfig,
  type Platform,
} from '@switchboard/core';
import type { Model } from '@switchboard/shared';
import { OPENCODE } from './opencode.js';
import { switchboard, type Finished } from './spawn-cli.js';

/** What Write config does for a platform instance: the provider entry with an env-var key, previewed, then written. */
export async function writeOpencodeConfig(input: {
  platform: Platform;
  instanceId: string;
  baseUrl: string;
  models: readonly Model[];
  configFile: string;
  modelId: string;
  /** Settings › opencode: also write models that only speak the Responses API. */
  writeResponsesOnly?: boolean;
}): Promise<void> {
  const provider = buildProviderEntry({
    displayName: input.platform.displayName,
    baseURL: input.platform.openAIBaseUrl(input.baseUrl),
    models: input.models,
    apiKey: { kind: 'env', variable: apiKeyEnvVariable(input.instanceId) },
    writeResponsesOnly: input.writeResponsesOnly ?? false,
  });
  const preview = await previewOpencodeConfig({
    filePath: input.configFile,
    providerId: opencodeProviderId(input.instanceId),
    provider,
    modelId: input.modelId,
  });
  if (!preview.ok) throw new Error(preview.error.message);
  const written = await applyOpencodeConfig(preview.value);
  if (!written.ok) throw new Error(written.error.message);
}

/** `switchboard run -- opencode run -m <model> "hi"` in a project folder, reading keys from the test's own keychain service. */
export async function runOpencodeThroughSwitchboard(input: { env: NodeJS.ProcessEnv; dir: string; service: string; model: string }): Promise<Finished> {
  const project = join(input.dir, 'project');
  await mkdir(project, { recursive: true });
  return switchboard(['run', '--', OPENCODE, 'run', '-m', input.model, 'hi'], {
    env: {
      ...input.env,
      DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
      SWITCHBOARD_KEYCHAIN_SERVICE: input.service,
      SWITCHBOARD_USER_DATA: join(input.dir, 'user-data'),
    },
    cwd: project,
  });
}
