import { endpointIdOf } from '@switchboard/shared';

const WELL_KNOWN: Readonly<Record<string, string>> = {
  litellm: 'LITELLM_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
};

/**
 * The key under `provider` in opencode's config for a platform instance:
 * `litellm`, `openrouter`, or a custom endpoint's id (`my-vllm`), which is
 * also what `model: "<provider>/<id>"` starts with.
 */
export function opencodeProviderId(instanceId: string): string {
  return endpointIdOf(instanceId) ?? instanceId;
}

/**
 * The environment variable opencode reads a platform's key from, by instance
 * id (the keychain account). LiteLLM and OpenRouter use the names their own
 * tools already use; a custom endpoint gets a `SWITCHBOARD_` name so it never
 * collides with a variable set for another tool.
 */
export function apiKeyEnvVariable(instanceId: string): string {
  const known = WELL_KNOWN[instanceId];
  if (known) return known;
  return `SWITCHBOARD_${opencodeProviderId(instanceId).toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/**
 * The environment variable that carries a secret custom header of a platform
 * instance, as `switchboard run` sets it from the keychain:
 * `SWITCHBOARD_LITELLM_HEADER_X_TOKEN` for LiteLLM's `X-Token`.
 */
export function headerEnvVariable(instanceId: string, headerName: string): string {
  const variablePart = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `SWITCHBOARD_${variablePart(opencodeProviderId(instanceId))}_HEADER_${variablePart(headerName)}`;
}

/** `{env:NAME}` is opencode's own substitution syntax, resolved when it reads the file. */
export function envReference(variable: string): string {
  return `{env:${variable}}`;
}
