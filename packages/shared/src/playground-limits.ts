import type { GenerationParams } from './contract-playground.js';

/**
 * The playground's plain values, apart from its schemas: the renderer's
 * start-up code (the playground's fields, the stream client) uses these, and
 * a module without zod keeps the contract's schemas out of the start-up
 * bundle (they load with the answer checks). contract-playground.ts
 * re-exports them.
 */

/** Bounds every transport and the renderer hold a stream to; core caps what the upstream sends to the same figures. */
export const STREAM_LIMITS = {
  /** One event's text (a delta, a reasoning piece, an error sentence), in UTF-16 units. */
  maxEventChars: 64 * 1024,
  /** All answer and reasoning text of one generation together. */
  maxTotalChars: 2 * 1024 * 1024,
  /** The longest a generation may run, first byte to last. */
  maxDurationMs: 10 * 60 * 1000,
  /** How long to wait for the upstream's first byte: LiteLLM answers a dead upstream after its retries, about 5 s. */
  firstByteTimeoutMs: 60_000,
  /** The longest silence between two chunks once the answer has started. */
  stallTimeoutMs: 30_000,
  /** Models one check may cover. */
  maxModelsPerCheck: 500,
} as const;

export const REASONING_EFFORTS = ['low', 'medium', 'high'] as const;

export const DEFAULT_GENERATION_PARAMS: GenerationParams = {
  temperature: null,
  topP: null,
  maxOutputTokens: null,
  stop: [],
  reasoningEffort: null,
  responseFormat: { type: 'text' },
};

/** The event types that end a stream: after one of them nothing more is sent. */
export function isFinalEvent(event: { type: string }): boolean {
  return event.type === 'done' || event.type === 'error';
}
