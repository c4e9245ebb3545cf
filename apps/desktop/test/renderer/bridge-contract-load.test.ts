// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { invokeSafe } from '../../src/renderer/lib/bridge';

// The chunk with the contract's schemas cannot be loaded (a build missing a file, a dropped connection to the host).
vi.mock('../../src/renderer/lib/answer-contract', () => {
  throw new Error('Failed to fetch dynamically imported module: http://127.0.0.1/assets/answer-contract.js');
});

afterEach(() => {
  Reflect.deleteProperty(window, 'switchboard');
});

test('an answer that cannot be checked, because the schemas did not load, is a sentence that says to reload, not a rejection', async () => {
  Object.assign(window, { switchboard: { invoke: async () => ({ url: 'http://localhost:4000', hasKey: false }) } });
  const outcome = await invokeSafe('litellm:get-config');
  expect(outcome.ok).toBe(false);
  expect(!outcome.ok && outcome.error.kind).toBe('transport');
  expect(!outcome.ok && outcome.error.message).toMatch(/could not load the part of the window that checks answers.*Reload the window/);
});
