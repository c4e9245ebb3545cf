/**
 * `options.baseURL` for a platform. Switchboard keeps proxy URLs normalised
 * without `/v1` (see `normalizeBaseUrl`), while the OpenAI-compatible SDK wants
 * the versioned base; OpenRouter's URL is already its API base and is used as is.
 */
export function opencodeBaseUrl(platformId: string, url: string): string {
  if (platformId === 'openrouter') return url;
  return `${url.replace(/\/+$/, '')}/v1`;
}
