import { fail, type InstanceId, type Result } from '@switchboard/shared';
import type { Platform } from '../platforms/platform.js';
import { classifyKeychainFailure } from '../store/keychain-errors.js';
import type { PlatformRegistry } from './platform-registry.js';
import type { SecretStore } from '../store/secret-store.js';

/** What a request to a model needs of a saved connection. */
export interface SavedConnection {
  instanceId: InstanceId;
  platform: Platform;
  displayName: string;
  /** The saved base URL, as the platform's own requests use it. */
  baseUrl: string;
  /** The OpenAI-compatible base an agent would call (`/v1` included where the platform needs it). */
  openAIBaseUrl: string;
  /** null: the connection was saved without a key. */
  key: string | null;
}

/**
 * The saved URL and key of one instance, or the sentence saying why there are
 * none: not connected, or a keychain that is locked, denied, absent or silent
 * (each within the keychain's own deadline).
 */
export async function savedConnection(registry: PlatformRegistry, secrets: SecretStore, instanceId: InstanceId): Promise<Result<SavedConnection>> {
  const instance = registry(instanceId);
  const saved = instance?.service.saved();
  if (!instance || !saved) {
    const name = instance?.displayName ?? instanceId;
    return fail('not-configured', `${name} is not connected. Connect it in Settings › Proxy Platforms, then try again.`);
  }
  let key: string | null;
  try {
    key = await secrets.get(instanceId);
  } catch (error) {
    const failure = classifyKeychainFailure(error, 'read');
    return fail(failure.kind, failure.message);
  }
  return {
    ok: true,
    value: {
      instanceId,
      platform: instance.platform,
      displayName: instance.displayName,
      baseUrl: saved.url,
      openAIBaseUrl: instance.platform.openAIBaseUrl(saved.url),
      key,
    },
  };
}
