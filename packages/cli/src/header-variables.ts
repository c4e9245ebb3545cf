import { headerAccount, headerEnvVariable, type SecretStore } from '@switchboard/core';
import type { InstanceId } from '@switchboard/shared';
import type { SettingsView } from './settings-view.js';

/**
 * `{ SWITCHBOARD_LITELLM_HEADER_X_TOKEN: … }` for each secret custom header
 * with a value in the keychain: the variables the agents' entries name where
 * the header's value would be (`{env:…}`, `${{ secrets.… }}`). A header
 * without a stored value is left out, as a key is. Throws the keychain's
 * KeychainError.
 */
export async function headerVariables(secrets: SecretStore, settings: SettingsView): Promise<Array<Record<string, string>>> {
  const wanted = [...settings.instances].flatMap(([instanceId, saved]) => saved.secretHeaders.map((name) => ({ instanceId: instanceId as InstanceId, name })));
  const values = await Promise.all(wanted.map(async ({ instanceId, name }) => ({ variable: headerEnvVariable(instanceId, name), value: await secrets.get(headerAccount(instanceId, name)) })));
  return values.flatMap(({ variable, value }) => (value === null || value === '' ? [] : [{ [variable]: value }]));
}
