import { toModel, type Model } from '@switchboard/shared';
import type { AgentEntry } from '../../../src/agents/agent-target.js';

/** A catalog model with only what the test cares about; unknown figures stay unknown (null), as the catalog keeps them. */
export function model(id: string, extra: Partial<Model> = {}): Model {
  return { ...toModel({ id }), name: id, provider: null, mode: 'chat', ...extra };
}

/** What agents-api builds for LiteLLM with `gpt-4o` chosen: the entry every target is handed. */
export function litellmEntry(overrides: Partial<AgentEntry> = {}): AgentEntry {
  return {
    instanceId: 'litellm',
    platformName: 'LiteLLM',
    rootUrl: 'http://127.0.0.1:4000',
    openAIBaseUrl: 'http://127.0.0.1:4000/v1',
    modelId: 'gpt-4o',
    smallModelId: null,
    models: [model('gpt-4o', { contextLength: 128_000, maxOutputTokens: 16_384 }), model('gpt-4o-mini')],
    keyVariable: 'LITELLM_API_KEY',
    keyCommand: 'switchboard key litellm',
    headers: [],
    ...overrides,
  };
}
