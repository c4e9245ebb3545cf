import { DEFAULT_OPENROUTER_BASE_URL } from '@switchboard/shared';
import { httpGet, HttpFailure, parseJsonBody } from '../../http/index.js';
import type { Platform } from '../platform.js';
import { bearer, failureForStatus, type PlatformWording } from '../proxy-client.js';
import { requireUrl } from '../require-url.js';
import { openRouterModels } from './openrouter-models.js';

const WORDING: PlatformWording = {
  product: 'OpenRouter',
  urlHint: 'Check SWITCHBOARD_OPENROUTER_BASE_URL if you set it; it should end in /api/v1.',
};

/**
 * OpenRouter: a fixed address, a required key. Its model list is public, so
 * a wrong key would pass it: the key is checked first with `/key`.
 */
export const openrouterPlatform: Platform = {
  displayName: 'OpenRouter',
  wording: WORDING,
  keyRequired: true,
  baseUrl: (_input, context) =>
    requireUrl(context.env.SWITCHBOARD_OPENROUTER_BASE_URL ?? DEFAULT_OPENROUTER_BASE_URL, { keepVersionPath: true }),
  keyWarning: (key) =>
    key.startsWith('sk-or-') ? null : 'OpenRouter keys usually start with "sk-or-". It was accepted, but check that you pasted the right one.',
  async connect({ client }, baseUrl, key) {
    if (!key) throw new HttpFailure('unauthorized', 'OpenRouter needs an API key. Create one at openrouter.ai/keys and enter it.');
    const options = { headers: bearer(key), timeoutMs: client.timeoutMs, maxBytes: client.maxBytes };
    const keyCheck = await httpGet(client.fetch, `${baseUrl}/key`, options);
    if (keyCheck.status !== 200) throw failureForStatus(keyCheck, `${baseUrl}/key`, key, WORDING);
    const listing = await httpGet(client.fetch, `${baseUrl}/models`, options);
    if (listing.status !== 200) throw failureForStatus(listing, `${baseUrl}/models`, key, WORDING);
    const data = (parseJsonBody(listing, 'OpenRouter') as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw new HttpFailure('bad-response', 'OpenRouter answered, but not with a model list.');
    const models = openRouterModels(data);
    return { models, enrich: async () => models };
  },
  // OpenRouter's base already is the OpenAI-compatible one.
  openAIBaseUrl: (baseUrl) => baseUrl,
};
