import type { ChatAnswerOptions, StreamKnobs } from './types.js';

/** The knobs for one model: `streamByModel`'s fields over `stream`'s. */
export function knobsFor(options: ChatAnswerOptions, model: string): StreamKnobs {
  return { ...options.stream, ...options.streamByModel?.[model] };
}

/**
 * Refuses chat options that would silently mean something else, naming the option: knobs and `extra`
 * (a server's own durations) must be whole numbers of 0 or more, a reply at least one token.
 */
export function assertChatOptionsUsable(options: ChatAnswerOptions, extra: Record<string, number | undefined>): void {
  assertWholeNumbers(options.stream, 'stream');
  for (const [model, knobs] of Object.entries(options.streamByModel ?? {})) assertWholeNumbers(knobs, `streamByModel[${JSON.stringify(model)}]`);
  assertWholeNumbers({ ...extra, replyTokens: options.replyTokens }, 'options');
  if (options.replyTokens === 0) throw new Error('options.replyTokens must be 1 or more: a reply of no tokens is not a reply.');
}

function assertWholeNumbers(values: object | undefined, where: string): void {
  for (const [name, value] of Object.entries(values ?? {}) as [string, unknown][]) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new Error(`${where}.${name} must be a whole number of 0 or more, not ${String(value)}.`);
    }
  }
}
