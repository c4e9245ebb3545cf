import type { Platform } from '../platform.js';
import type { PlatformWording } from '../proxy-client.js';
import { listOpenAICompatibleModels } from '../openai-compatible-models.js';
import { requireUrl } from '../require-url.js';

const WORDING: PlatformWording = {
  product: 'OpenAI-compatible server',
  urlHint: 'Use the base URL the server documents, for example http://localhost:8000 for vLLM or http://localhost:11434 for Ollama.',
};

/** Any OpenAI-compatible server (vLLM, Ollama's /v1, LM Studio): ids only; limits come from the user where given. */
export const customPlatform: Platform = {
  displayName: 'Custom endpoint',
  wording: WORDING,
  keyRequired: false,
  baseUrl: (input) => requireUrl(input),
  keyWarning: () => null,
  async connect({ client }, baseUrl, key) {
    const models = await listOpenAICompatibleModels(client, baseUrl, key, WORDING);
    return { models, enrich: async () => models };
  },
  openAIBaseUrl: (baseUrl) => `${baseUrl}/v1`,
};
