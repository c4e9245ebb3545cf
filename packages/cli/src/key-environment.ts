import { apiKeyEnvVariable, type SecretStore } from '@switchboard/core';

/** `{ LITELLM_API_KEY: … }` for each instance id with a stored key; nothing for the others. */
export async function keyEnvironment(secrets: SecretStore, instanceIds: readonly string[]): Promise<Record<string, string>> {
  const keys = await Promise.all(instanceIds.map(async (id) => [id, await secrets.get(id)] as const));
  const env: Record<string, string> = {};
  for (const [id, key] of keys) {
    if (key !== null && key !== '') env[apiKeyEnvVariable(id)] = key;
  }
  return env;
}
