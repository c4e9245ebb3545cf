import type { AgentEntry } from '../../src/agents/agent-target.js';
import { litellmEntry } from './support/agent-entry.js';

/** The LiteLLM entry every target is handed, with `gpt-5` chosen (a Responses model, as Codex would use). */
export const codexEntry = (overrides: Partial<AgentEntry> = {}): AgentEntry => litellmEntry({ modelId: 'gpt-5', ...overrides });

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
