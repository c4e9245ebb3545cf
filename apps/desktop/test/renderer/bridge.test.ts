// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { invokeResult, invokeSafe } from '../../src/renderer/lib/bridge';
import { mainHarness } from './main-process/main-harness';

const { main } = mainHarness();

describe('bridge', () => {
  test('says so in a sentence when there is no window.switchboard at all', async () => {
    Reflect.deleteProperty(window, 'switchboard');
    const outcome = await invokeSafe('litellm:get-config');
    expect(outcome).toEqual({ ok: false, error: { kind: 'transport', message: expect.stringContaining('not connected to Switchboard') } });
  });

  test('an answer that breaks the contract becomes a sentence, not a crash later', async () => {
    // An answer main would never give: the contract's check is what is under test.
    main.override('litellm:get-config', async () => ({ url: 42 }) as never);
    const outcome = await invokeSafe('litellm:get-config');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toMatch(/did not understand/);
  });

  test('a proxy error comes through with its kind and sentence', async () => {
    // The bridge passes any Result's error through untouched; which error core would write is core's own tests' business.
    main.failWith('litellm:fetch-models', { kind: 'tls', message: 'The certificate is not trusted.' });
    expect(await invokeResult('litellm:fetch-models')).toEqual({ ok: false, error: { kind: 'tls', message: 'The certificate is not trusted.' } });
  });

  test('a success gives the value', async () => {
    const outcome = await invokeResult('litellm:test-connection', { url: 'http://localhost:4000/', key: { mode: 'none' } });
    expect(outcome.ok && outcome.value.latencyMs).toBe(35);
    expect(outcome.ok && outcome.value.modelIds).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama']);
  });
});
