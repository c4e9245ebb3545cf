import type { Model } from '@switchboard/shared';
import { parse } from 'yaml';
import type { AgentEntry } from '../../src/agents/agent-target.js';

/** A LiteLLM instance's entry as agents-api would build it; tests vary what they are about. */
export function continueEntry(overrides: Partial<AgentEntry> = {}): AgentEntry {
  return {
    instanceId: 'litellm',
    platformName: 'LiteLLM',
    rootUrl: 'http://127.0.0.1:4000',
    openAIBaseUrl: 'http://127.0.0.1:4000/v1',
    modelId: 'gpt-4o',
    smallModelId: null,
    models: [],
    keyVariable: 'LITELLM_API_KEY',
    keyCommand: 'switchboard key litellm',
    ...overrides,
  };
}

/** A catalog model with only what a test says known. */
export function catalogModel(id: string, known: Partial<Model> = {}): Model {
  return {
    id,
    name: id,
    provider: null,
    description: null,
    underlying: null,
    mode: 'chat',
    contextLength: null,
    maxOutputTokens: null,
    inputCostPerMillion: null,
    outputCostPerMillion: null,
    cacheReadCostPerMillion: null,
    cacheWriteCostPerMillion: null,
    supportsVision: null,
    supportsTools: null,
    supportsReasoning: null,
    supportsPdf: null,
    supportsWebSearch: null,
    supportsPromptCaching: null,
    sources: {},
    ...known,
  };
}

interface ContinueModel {
  /** Absent on a hub block (`uses:`). */
  name?: string;
  [key: string]: unknown;
}

/** The `models` list as Continue reads the file (the same `yaml` package, the same schema). */
export function modelsOf(text: string): ContinueModel[] {
  const config = parse(text) as { models?: ContinueModel[] } | null;
  return config?.models ?? [];
}

/** The items Switchboard owns in a file. */
export const switchboardItems = (text: string): ContinueModel[] => modelsOf(text).filter((model) => model.name?.startsWith('Switchboard (') === true);
