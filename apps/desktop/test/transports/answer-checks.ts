import { expect } from 'vitest';
import { contract, type Channel } from '@switchboard/shared';

/** A refusal's sentence: there, short, and naming what was wrong rather than repeating the input. */
export function expectSentence(text: unknown, key: string | null): void {
  expect(typeof text).toBe('string');
  const sentence = text as string;
  expect(sentence.trim().length).toBeGreaterThan(10);
  expect(sentence.length).toBeLessThan(2_000);
  if (key !== null) expect(sentence).not.toContain(key);
}

/**
 * An answer the renderer can use: it matches the channel's output schema
 * (else the renderer would throw it away), and a failure inside it is a
 * typed error with a sentence.
 */
export function expectContractOutput(channel: Channel, output: unknown, key: string | null): void {
  const parsed = contract[channel].output.safeParse(output);
  expect(parsed.success, `${channel} answered outside its contract: ${parsed.error?.message.slice(0, 300)}`).toBe(true);
  if (typeof output === 'object' && output !== null && (output as { ok?: unknown }).ok === false) {
    const error = (output as { error: { kind: string; message: string } }).error;
    expect(error.kind).toMatch(/^[a-z-]+$/);
    expectSentence(error.message, key);
  }
  if (key !== null) expect(JSON.stringify(output)).not.toContain(key);
}
