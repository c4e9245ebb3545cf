// Module by module, not the package's index: the index also resolves a file path through `URL`, which happy-dom replaces in this thread.
import { defaultDeployments } from '../../../../../packages/test-servers/src/litellm/default-deployments.js';
import type { LiteLLMDeployment, LiteLLMServerOptions } from '../../../../../packages/test-servers/src/litellm/types.js';
import { startLiteLLMServer, type LiteLLMServer } from '../../../../../packages/test-servers/src/litellm-server.js';
import { defaultOpenRouterModels, type OpenRouterModel } from '../../../../../packages/test-servers/src/openrouter/models.js';
import { startOpenRouterServer, type OpenRouterServer } from '../../../../../packages/test-servers/src/openrouter-server.js';

const OPENROUTER_TEST_KEY = 'sk-or-v1-test';
export const VLLM = 'http://vllm.local:8000';
export const OLLAMA = 'http://ollama.local:11434';
const OLLAMA_KEY = 'ollama-key';

/** A deployment of `id` with nothing but its name: a server that lists ids only. */
function deployment(id: string, model = `openai/${id}`): LiteLLMDeployment {
  return { model_name: id, litellm_params: { model } };
}

/** OpenRouter's listing of these ids, each shaped like one of its real entries. */
export function openRouterModels(ids: string[]): OpenRouterModel[] {
  const [template] = defaultOpenRouterModels();
  if (!template) throw new Error('The OpenRouter test server has no default models to copy.');
  return ids.map((id) => ({ ...template, id, canonical_slug: id, name: id }));
}

/** The LiteLLM proxy as the renderer tests start it: the recording's four models, no master key. */
const LITELLM: LiteLLMServerOptions = { deployments: defaultDeployments(), masterKey: null, teamKeys: undefined, metadata: true, failure: null };
const VLLM_SERVER: LiteLLMServerOptions = { deployments: [deployment('qwen2.5-coder'), deployment('llama-3.1-8b')], masterKey: null, metadata: false };
const OLLAMA_SERVER: LiteLLMServerOptions = { deployments: [deployment('llama3.1:8b'), deployment('mistral:7b')], masterKey: OLLAMA_KEY, metadata: false };
const OPENROUTER_IDS = ['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama'];

/**
 * The servers behind the hosts the renderer tests name (a LiteLLM proxy, OpenRouter,
 * two OpenAI-compatible servers), on loopback, started once per file and put back
 * to their defaults before each test.
 */
export class LoopbackServers {
  litellm!: LiteLLMServer;
  openrouter!: OpenRouterServer;
  vllm!: LiteLLMServer;
  ollama!: LiteLLMServer;

  async start(): Promise<void> {
    [this.litellm, this.openrouter, this.vllm, this.ollama] = await Promise.all([
      startLiteLLMServer(LITELLM),
      startOpenRouterServer({ models: openRouterModels(OPENROUTER_IDS), validKeys: [OPENROUTER_TEST_KEY] }),
      startLiteLLMServer(VLLM_SERVER),
      startLiteLLMServer(OLLAMA_SERVER),
    ]);
  }

  reset(): void {
    this.litellm.update(LITELLM);
    this.openrouter.update({ models: openRouterModels(OPENROUTER_IDS), validKeys: [OPENROUTER_TEST_KEY] });
    this.vllm.update(VLLM_SERVER);
    this.ollama.update(OLLAMA_SERVER);
  }

  async stop(): Promise<void> {
    await Promise.all([this.litellm, this.openrouter, this.vllm, this.ollama].map((server) => server?.close()));
  }

  /** Which server answers each host a test names; any other host is nothing listening. */
  routes(): Record<string, string> {
    const proxy = this.litellm.url;
    return {
      'http://localhost:4000': proxy,
      'http://proxy.internal:4000': proxy,
      'http://proxy.local:4000': proxy,
      'https://openrouter.ai': this.openrouter.url,
      [VLLM]: this.vllm.url,
      'http://box:8000': this.vllm.url,
      [OLLAMA]: this.ollama.url,
    };
  }
}
