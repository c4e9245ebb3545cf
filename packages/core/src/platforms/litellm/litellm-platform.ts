import type { Platform } from '../platform.js';
import { requireUrl } from '../require-url.js';
import { LITELLM_WORDING, listLiteLLMCatalog } from './litellm-catalog.js';

/** A self-hosted LiteLLM proxy: the user's URL, an optional key, metadata from the proxy and LiteLLM's public map. */
export const litellmPlatform: Platform = {
  displayName: 'LiteLLM',
  wording: LITELLM_WORDING,
  keyRequired: false,
  baseUrl: (input) => requireUrl(input),
  keyWarning: () => null,
  connect: (context, baseUrl, key) => listLiteLLMCatalog(context.client, context.publicModelMap, baseUrl, key),
  openAIBaseUrl: (baseUrl) => `${baseUrl}/v1`,
};
