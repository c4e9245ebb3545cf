import { parse } from 'yaml';
import type { AgentEntry } from '../../src/agents/agent-target.js';
import { litellmEntry, model } from './support/agent-entry.js';

/** A LiteLLM instance's entry as agents-api would build it, with no catalog; tests vary what they are about. */
export function continueEntry(overrides: Partial<AgentEntry> = {}): AgentEntry {
  return litellmEntry({ models: [], ...overrides });
}

/** A catalog model with only what a test says known. */
export const catalogModel = model;

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
