import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from './support/keychain.js';

const run = promisify(execFile);

describe.skipIf(!keychainAvailable)(`the keytar secret store${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
  it('stores, reads and deletes a key in the Secret Service', async () => {
    const { secrets, service } = isolatedSecretStore();
    await secrets.set('litellm', 'sk-stored-1');
    expect(await secrets.get('litellm')).toBe('sk-stored-1');
    // Seen from outside the process, as a person would check it.
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', 'litellm']);
    expect(stdout).toBe('sk-stored-1');
    await secrets.delete('litellm');
    expect(await secrets.get('litellm')).toBeNull();
  });

  it('deleting a key that is not there is not an error', async () => {
    const { secrets } = isolatedSecretStore();
    await expect(secrets.delete('openrouter')).resolves.toBeUndefined();
  });
});

describe('without a keychain', () => {
  it('saving fails with a clear sentence and leaves the settings file alone', async () => {
    const script = fileURLToPath(new URL('./support/save-without-keychain.ts', import.meta.url));
    // A D-Bus address with nothing behind it: libsecret cannot reach any Secret Service.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-bus' },
    });
    const report = JSON.parse(stdout) as { result: { ok: boolean; error?: { kind: string; message: string } }; settingsFiles: string[] };
    expect(report.result.ok).toBe(false);
    expect(report.result.error?.kind).toBe('keychain');
    expect(report.result.error?.message).toMatch(/keychain is not available.*nothing was saved/);
    expect(report.settingsFiles).toEqual([]);
  });
});
