import { DEFAULT_GENERATION_PARAMS, GenerateEventSchema, type GenerateEvent, type GenerateInput, type ModelCapabilities } from '@switchboard/shared';
import { expect } from 'vitest';
import { generate } from '../../../src/generate/generate.js';
import type { GenerateLimits, GenerateTarget } from '../../../src/generate/generate-types.js';

const NOBODY_SAYS: ModelCapabilities = { supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' };

/** Small deadlines, so a test of each waits a fraction of a second. */
export const SMALL_LIMITS: GenerateLimits = { maxEventChars: 1000, maxTotalChars: 5000, maxDurationMs: 3000, firstByteTimeoutMs: 400, stallTimeoutMs: 300 };

export const input = (patch: Partial<GenerateInput> = {}): GenerateInput => ({
  instanceId: 'litellm',
  modelId: 'fake-up',
  system: '',
  prompt: 'Say hi',
  params: DEFAULT_GENERATION_PARAMS,
  stream: true,
  ...patch,
});

export const target = (base: string, patch: Partial<GenerateTarget> = {}): GenerateTarget => ({
  openAIBaseUrl: `${base}/v1`,
  key: 'sk-master-1234',
  keyVariable: 'LITELLM_API_KEY',
  wording: { product: 'LiteLLM proxy', urlHint: '' },
  capabilities: NOBODY_SAYS,
  ...patch,
});

export interface RunOptions {
  limits?: GenerateLimits;
  signal?: AbortSignal;
}

/** Runs one generation to its end; every event must keep the contract, and nothing may follow the final one. */
export async function run(base: string, given: Partial<GenerateInput> = {}, aim: Partial<GenerateTarget> = {}, options: RunOptions = {}): Promise<GenerateEvent[]> {
  const events: GenerateEvent[] = [];
  const deps = { fetch, monotonic: () => performance.now(), ...(options.limits ? { limits: options.limits } : {}) };
  for await (const event of generate(deps, target(base, aim), input(given), options.signal ?? new AbortController().signal)) {
    expect(GenerateEventSchema.safeParse(event).error, JSON.stringify(event).slice(0, 300)).toBeUndefined();
    events.push(event);
  }
  const finals = events.filter((event) => event.type === 'done' || event.type === 'error');
  expect(finals, 'exactly one final event, last').toHaveLength(1);
  expect(events.at(-1)).toBe(finals[0]);
  return events;
}

export const textOf = (events: GenerateEvent[], type: 'delta' | 'reasoning' = 'delta'): string =>
  events.map((event) => (event.type === type ? event.text : '')).join('');

export function finalOf(events: GenerateEvent[]) {
  const last = events.at(-1);
  if (last?.type !== 'done' && last?.type !== 'error') throw new Error(`no final event: ${JSON.stringify(last)}`);
  return last;
}

export function errorOf(events: GenerateEvent[]) {
  const last = finalOf(events);
  if (last.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(last)}`);
  return last.error;
}

export function doneOf(events: GenerateEvent[]) {
  const last = finalOf(events);
  if (last.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(last)}`);
  return last;
}
