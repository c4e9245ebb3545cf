import { keyProblem, MAX_KEY_LENGTH } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainMismatchError } from '../src/store/keychain-errors.js';
import { createKeytarSecretStore, type SecretStore } from '../src/store/secret-store.js';
import { missingSecretServiceTools, NO_PRIVATE_SECRET_SERVICE, startPrivateSecretService, type PrivateSecretService } from './support/private-secret-service.js';
import { UNUSUAL_VALID_KEYS } from './support/unusual-keys.js';

const SERVICE = 'switchboard-test-readback';
let keychain: PrivateSecretService;
let secrets: SecretStore;

describe.skipIf(missingSecretServiceTools.length > 0)(`what is stored is what was typed${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  beforeAll(async () => {
    keychain = await startPrivateSecretService();
    secrets = createKeytarSecretStore(SERVICE, { env: keychain.env });
  });
  afterAll(() => keychain.stop());

  it('the table uses keys a person may type (they pass the key check), up to the longest allowed', () => {
    for (const [, key] of UNUSUAL_VALID_KEYS) expect(keyProblem(key)).toBeNull();
    expect(Math.max(...UNUSUAL_VALID_KEYS.map(([, key]) => key.length))).toBe(MAX_KEY_LENGTH);
  });

  it.each(UNUSUAL_VALID_KEYS)('%s: stored byte for byte, as secret-tool sees it', async (_name, key) => {
    await secrets.set('litellm', key);
    expect(await secrets.get('litellm')).toBe(key);
    expect(Buffer.from((await keychain.lookup(SERVICE, 'litellm')) ?? '')).toEqual(Buffer.from(key));
  });

  it('a key the keychain cuts short (at a NUL) is refused, and the previous key stays', async () => {
    await secrets.set('openrouter', 'sk-or-previous');
    const error = await secrets.set('openrouter', 'sk-or-cut\u0000-here').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeychainMismatchError);
    expect(String(error)).toMatch(/read-back after saving did not match.*previous key was put back/);
    expect(String(error)).not.toContain('sk-or');
    expect(await keychain.lookup(SERVICE, 'openrouter')).toBe('sk-or-previous');
  });

  it('with no previous key, a key the keychain changes leaves nothing stored, not half a key', async () => {
    // A lone surrogate cannot be UTF-8: libsecret would keep something else.
    for (const key of ['sk-cut\u0000-here', 'sk-\ud800-lone']) {
      await expect(secrets.set('custom:broken', key)).rejects.toThrow(KeychainMismatchError);
      expect(await keychain.lookup(SERVICE, 'custom:broken')).toBeNull();
      expect(await secrets.get('custom:broken')).toBeNull();
    }
  });

  it('an empty key means no key: saving one removes the stored key', async () => {
    await secrets.set('custom:empty', 'sk-to-forget');
    await secrets.set('custom:empty', '');
    expect(await secrets.get('custom:empty')).toBeNull();
  });

  it('twenty saves at once to different accounts each keep their own key', async () => {
    const accounts = Array.from({ length: 20 }, (_, index) => `custom:parallel-${index}`);
    await Promise.all(accounts.map((account) => secrets.set(account, `sk-${account}-${'x'.repeat(40)}`)));
    for (const account of accounts) expect(await keychain.lookup(SERVICE, account)).toBe(`sk-${account}-${'x'.repeat(40)}`);
  });

  it('saves to one account at once land in order: the last one wins', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, index) => secrets.set('litellm', `sk-turn-${index}`)));
    expect(await secrets.get('litellm')).toBe('sk-turn-9');
  });
});
