import { apiKeyEnvVariable, type SecretStore } from '@switchboard/core';

/** The stored key of each instance id that has one; the others are left out. Throws the keychain's KeychainError. */
export async function storedKeys(secrets: SecretStore, instanceIds: readonly string[]): Promise<Map<string, string>> {
  const keys = await Promise.all(instanceIds.map(async (id) => [id, await secrets.get(id)] as const));
  const stored = new Map<string, string>();
  for (const [id, key] of keys) if (key !== null && key !== '') stored.set(id, key);
  return stored;
}

/** `{ LITELLM_API_KEY: … }` for each stored key: the variables opencode's, Kilo's, Codex's and Continue's entries name. */
export function keyVariables(keys: ReadonlyMap<string, string>): Array<Record<string, string>> {
  return [...keys].map(([id, key]) => ({ [apiKeyEnvVariable(id)]: key }));
}
