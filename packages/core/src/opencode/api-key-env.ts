const WELL_KNOWN: Readonly<Record<string, string>> = {
  litellm: 'LITELLM_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
};

/**
 * The environment variable opencode reads a platform's key from. LiteLLM and
 * OpenRouter use the names their own tools already use; a custom endpoint gets
 * a `SWITCHBOARD_` name so it never collides with a variable set for another tool.
 */
export function apiKeyEnvVariable(platformId: string): string {
  const known = WELL_KNOWN[platformId];
  if (known) return known;
  return `SWITCHBOARD_${platformId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/** `{env:NAME}` is opencode's own substitution syntax, resolved when it reads the file. */
export function envReference(variable: string): string {
  return `{env:${variable}}`;
}
