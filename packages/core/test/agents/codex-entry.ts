import type { AgentEntry } from '../../src/agents/agent-target.js';

/** A LiteLLM instance's entry as agents-api would build it; tests vary what they are about. */
export function codexEntry(overrides: Partial<AgentEntry> = {}): AgentEntry {
  return {
    instanceId: 'litellm',
    platformName: 'LiteLLM',
    rootUrl: 'http://127.0.0.1:4000',
    openAIBaseUrl: 'http://127.0.0.1:4000/v1',
    modelId: 'gpt-5',
    smallModelId: null,
    models: [],
    keyVariable: 'LITELLM_API_KEY',
    keyCommand: 'switchboard key litellm',
    ...overrides,
  };
}

/** The tables Switchboard writes for codexEntry() with that key command. */
export const LITELLM_TABLES = `[model_providers.switchboard-litellm]
name = "LiteLLM"
base_url = "http://127.0.0.1:4000/v1"
wire_api = "responses"

[model_providers.switchboard-litellm.auth]
command = "switchboard"
args = ["key", "litellm"]
timeout_ms = 30000
refresh_interval_ms = 300000
`;
