import { describe, expect, it } from 'vitest';
import { ContractInputError, parseInput } from '../src/contract.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractInputError);
    return (error as Error).message;
  }
  throw new Error('parseInput accepted the input');
}

describe('parseInput', () => {
  it('names the channel, the problem and where it is', () => {
    const message = refusal(() => parseInput('litellm:test-connection', { url: 42, key: { mode: 'none' } }));
    expect(message).toMatch(/^Invalid input for litellm:test-connection: .*expected string.*\(at url\)/);
  });

  it('keeps the sentence short however many issues and however long the paths', () => {
    const message = refusal(() =>
      parseInput('custom:set-model-limits', { endpointId: 'NOT AN ID', modelId: '', limits: { contextLength: -1, maxOutputTokens: 'x'.repeat(100_000) } }),
    );
    expect(message).toMatch(/and \d+ more$/);
    expect(message.length).toBeLessThan(700);
  });

  it.each([
    ['a key too long to store', `sk-${'secret'.repeat(1000)}`],
    ['a key inside an otherwise wrong input', 'sk-live-do-not-echo-me-1234'],
  ])('never repeats %s', (_case, key) => {
    const message = refusal(() => parseInput('litellm:set-config', { url: 7, key: { mode: 'provided', value: key }, selectedModel: '' }));
    expect(message).not.toContain(key);
    expect(message).not.toContain('secretsecret');
    expect(message.length).toBeLessThan(700);
  });
});
