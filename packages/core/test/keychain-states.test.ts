import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { customInstanceId } from '@switchboard/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyKeychainFailure,
  KeychainDeniedError,
  KeychainLockedError,
  KeychainTimeoutError,
  KeychainUnavailableError,
} from '../src/store/keychain-errors.js';
import { createKeytarSecretStore, DEFAULT_KEYCHAIN_TIMEOUT_MS, type SecretStore } from '../src/store/secret-store.js';
import {
  missingSecretServiceTools,
  NO_PRIVATE_SECRET_SERVICE,
  startPrivateSecretService,
  startSilentBus,
  type PrivateSecretService,
} from './support/private-secret-service.js';

const run = promisify(execFile);
const SERVICE = 'switchboard-test-states';
const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

/** A private Secret Service and a store on it; the store's deadline is the default until `setDeadline` changes it, as a setting would. */
async function privateKeychain(): Promise<{ keychain: PrivateSecretService; secrets: SecretStore; setDeadline(ms: number): void }> {
  const keychain = await startPrivateSecretService();
  running.push(keychain);
  let deadline = DEFAULT_KEYCHAIN_TIMEOUT_MS;
  return { keychain, secrets: createKeytarSecretStore(SERVICE, { env: keychain.env, timeoutMs: () => deadline }), setDeadline: (ms) => void (deadline = ms) };
}

/** This test process's keychain processes (they are the ones given keytar's path). */
async function keychainProcesses(): Promise<number> {
  const { stdout } = await run('ps', ['-o', 'args=', '--ppid', String(process.pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((line) => line.includes('keytar')).length;
}

async function which(tool: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', `command -v ${tool}`]);
  return stdout.trim();
}

/** How long `work` took to settle, and how. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    return { ms: Date.now() - started, value: await work };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('what the keychain said, sorted', () => {
  it.each([
    ['Cannot create an item in a locked collection', KeychainLockedError, 'keychain-locked'],
    ['org.freedesktop.Secret.Error.IsLocked', KeychainLockedError, 'keychain-locked'],
    ['Prompt dismissed', KeychainDeniedError, 'keychain-denied'],
    ['User canceled the operation.', KeychainDeniedError, 'keychain-denied'],
    ['Access is denied.', KeychainDeniedError, 'keychain-denied'],
    ['User interaction is not allowed.', KeychainDeniedError, 'keychain-denied'],
    ['Could not connect: No such file or directory', KeychainUnavailableError, 'keychain'],
    ['The name org.freedesktop.secrets was not provided by any .service files', KeychainUnavailableError, 'keychain'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', KeychainUnavailableError, 'keychain'],
    ['Could not connect: Permission denied', KeychainUnavailableError, 'keychain'],
  ])('%s', (text, type, kind) => {
    const error = classifyKeychainFailure(new Error(text), 'read');
    expect(error).toBeInstanceOf(type);
    expect(error.kind).toBe(kind);
  });

  it('says how long it waited, in the unit of the setting', () => {
    expect(new KeychainTimeoutError(1_500, 'read').message).toMatch(/did not answer within 1\.5 s, so the stored API key could not be read/);
  });
});

describe.skipIf(missingSecretServiceTools.length > 0)(`the keychain in each of its states${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  it('a Secret Service that never answers: every call answers within its deadline with the timed-out sentence, and works once it answers again', async () => {
    const { keychain, secrets, setDeadline } = await privateKeychain();
    await secrets.set('litellm', 'sk-before-freeze');
    setDeadline(1_000);
    keychain.freeze();
    const calls: Array<Promise<unknown>> = [secrets.get('litellm'), secrets.set('litellm', 'sk-during-freeze'), secrets.delete('litellm')];
    for (const call of calls) {
      const outcome = await timed(call);
      expect(outcome.error).toBeInstanceOf(KeychainTimeoutError);
      expect(String(outcome.error)).toMatch(/did not answer within 1 s/);
      // Answers within the deadline, not libsecret's 25 s.
      expect(outcome.ms).toBeLessThan(2_500);
    }
    keychain.thaw();
    setDeadline(DEFAULT_KEYCHAIN_TIMEOUT_MS);
    expect(await secrets.get('litellm')).toBe('sk-before-freeze');
  });

  it('a bus that never finishes its handshake: timed out, not a wait forever', async () => {
    const silent = await startSilentBus();
    running.push(silent);
    const secrets = createKeytarSecretStore(SERVICE, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: silent.address }, timeoutMs: () => 800 });
    const outcome = await timed(secrets.get('litellm'));
    expect(outcome.error).toBeInstanceOf(KeychainTimeoutError);
    expect(outcome.ms).toBeLessThan(2_000);
  });

  it('follows the timeout setting at each call', async () => {
    const { keychain } = await privateKeychain();
    let setting = 400;
    const secrets = createKeytarSecretStore(SERVICE, { env: keychain.env, timeoutMs: () => setting });
    keychain.freeze();
    const short = await timed(secrets.get('litellm'));
    setting = 1_200;
    const long = await timed(secrets.get('litellm'));
    expect(String(short.error)).toMatch(/within 0\.4 s/);
    expect(String(long.error)).toMatch(/within 1\.2 s/);
    expect(long.ms).toBeGreaterThanOrEqual(1_100);
  });

  it('twenty readers of a frozen keychain all get their answer in time, and the keychain is usable after', async () => {
    const { keychain, secrets, setDeadline } = await privateKeychain();
    await secrets.set('openrouter', 'sk-or-shared');
    setDeadline(1_000);
    keychain.freeze();
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => secrets.get(index % 2 === 0 ? 'openrouter' : customInstanceId(String(index)))));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason instanceof KeychainTimeoutError)).toBe(true);
    // Calls that never came back do not pile up: at most one keychain process is left, however many gave up on it.
    expect(await keychainProcesses()).toBeLessThanOrEqual(1);
    keychain.thaw();
    setDeadline(DEFAULT_KEYCHAIN_TIMEOUT_MS);
    expect(await secrets.get('openrouter')).toBe('sk-or-shared');
  });

  it('no Secret Service at all: not available, said at once', async () => {
    const secrets = createKeytarSecretStore(SERVICE, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-bus' } });
    const outcome = await timed(secrets.get('litellm'));
    expect(outcome.error).toBeInstanceOf(KeychainUnavailableError);
    expect(String(outcome.error)).toMatch(/keychain is not available \(Could not connect.*\), so the stored API key could not be read/);
    expect(outcome.ms).toBeLessThan(2_000);
  });

  it('a locked keychain is locked, not "no key", for reading, saving and removing; the stored key is untouched', async () => {
    const { keychain, secrets } = await privateKeychain();
    await secrets.set('litellm', 'sk-locked-away');
    await keychain.lock();
    await expect(secrets.get('litellm')).rejects.toThrow(KeychainLockedError);
    await expect(secrets.set('litellm', 'sk-other')).rejects.toThrow(/keychain is locked, so nothing was saved/);
    await expect(secrets.delete('litellm')).rejects.toThrow(/keychain is locked, so the stored API key was not removed/);
    // Unlocked again (a restart unlocks it with its password): the key is the one from before.
    await keychain.kill();
    await keychain.start();
    expect(await keychain.lookup(SERVICE, 'litellm')).toBe('sk-locked-away');
  });

  it('a locked keychain is told apart with dbus-send where gdbus is not installed', async () => {
    const { keychain } = await privateKeychain();
    const bin = await mkdtemp(join(tmpdir(), 'switchboard-only-dbus-send-'));
    await symlink(await which('dbus-send'), join(bin, 'dbus-send'));
    const secrets = createKeytarSecretStore(SERVICE, { env: { ...keychain.env, PATH: bin } });
    try {
      await secrets.set('litellm', 'sk-locked-away');
      await keychain.lock();
      await expect(secrets.get('litellm')).rejects.toThrow(KeychainLockedError);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('a Secret Service that went away and came back is found again, without a new store', async () => {
    const { keychain, secrets } = await privateKeychain();
    await secrets.set('litellm', 'sk-before-restart');
    await keychain.kill();
    await expect(secrets.get('litellm')).rejects.toThrow(KeychainUnavailableError);
    await keychain.start();
    expect(await secrets.get('litellm')).toBe('sk-before-restart');
    await secrets.set('litellm', 'sk-after-restart');
    expect(await keychain.lookup(SERVICE, 'litellm')).toBe('sk-after-restart');
  });
});
