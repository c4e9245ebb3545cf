import { expect, test } from 'vitest';
import { channels } from '../src/contract.js';
import { PLATFORM_VERBS, verbMethod } from '../src/platform-verbs.js';

test('each platform answers exactly the declared verbs, LiteLLM and OpenRouter nothing else', () => {
  for (const prefix of ['litellm', 'openrouter']) {
    expect(channels.filter((channel) => channel.startsWith(`${prefix}:`)).sort()).toEqual(PLATFORM_VERBS.map((verb) => `${prefix}:${verb}`).sort());
  }
  for (const verb of PLATFORM_VERBS) expect(channels).toContain(`custom:${verb}`);
});

test.each([
  ['test-connection', 'testConnection'],
  ['get-cached-models', 'getCachedModels'],
  ['disconnect', 'disconnect'],
] as const)('the verb %s is called %s in code', (verb, method) => {
  expect(verbMethod(verb)).toBe(method);
});
